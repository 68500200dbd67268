import { describe, expect, it } from 'vitest';
import { formatError } from '../src/errors.ts';

/*
 * What a client sees of a database refusal of bad data: the constraint explained in Indonesian and
 * English, like the rules' reasons (extensions.reason, and the message "field: id / en").
 */

describe('formatError', () => {
  it('explains a unique violation as a CONFLICT naming the field, in Indonesian and English', () => {
    const error = { code: '23505', constraint: 'enterprise_nib_unique', message: 'duplicate key value' };
    expect(formatError({ message: 'duplicate key value', path: ['registerEnterprise'] }, error)).toEqual({
      message: 'nib: NIB ini sudah terdaftar atas usaha lain / another enterprise is already registered with this NIB',
      path: ['registerEnterprise'],
      extensions: {
        code: 'CONFLICT',
        field: 'nib',
        reason: {
          id: 'NIB ini sudah terdaftar atas usaha lain',
          en: 'another enterprise is already registered with this NIB',
        },
      },
    });
  });

  it('explains a check violation as BAD_USER_INPUT, in Indonesian and English', () => {
    const error = { code: '23514', constraint: 'transaction_amount_non_negative', message: 'violates check' };
    expect(formatError({ message: 'violates check' }, error)).toEqual({
      message: 'amount: amount tidak boleh negatif / amount must not be negative',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'amount',
        reason: { id: 'amount tidak boleh negatif', en: 'amount must not be negative' },
      },
    });
  });
});
