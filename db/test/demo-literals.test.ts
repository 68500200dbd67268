import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLiterals } from '../demo/tables.ts';
import { type DatabaseHandle, openDatabase } from '../src/connection.ts';

// demo/tables.ts columnLiterals: the array literals the demo loader binds to unnest (and its checksum
// is defined over), written by hand here and read back by PostgreSQL's own array parser.

// party's columns: id, ref, kind, name, region_code, parent_id, size_class, is_government, status, registered_on
const ROWS = [
  [1, 'P-1', 'AGENCY', 'Dinas "Pendidikan"', '61.12', null, null, true, 'ACTIVE', '2019-01-01'],
  [2, 'P-2', 'NETWORK_UNIT', 'SD 1 \\ Sungai Raya', '61.12.01', 1, null, false, 'ACTIVE', '2019-02-15'],
];

describe("the demo loader's column literals", () => {
  it('writes each column as one array literal: NULLs bare, numbers shifted by the id offset, booleans as t/f, texts quoted and escaped', () => {
    const literals = columnLiterals('party', ROWS, {
      party: 100,
      product: 0,
      program: 0,
      transaction: 0,
      assistance: 0,
      policy_target: 0,
    });
    expect(literals).toEqual([
      '{101,102}',
      '{"P-1","P-2"}',
      '{"AGENCY","NETWORK_UNIT"}',
      '{"Dinas \\"Pendidikan\\"","SD 1 \\\\ Sungai Raya"}',
      '{"61.12","61.12.01"}',
      '{NULL,101}',
      '{NULL,NULL}',
      '{t,f}',
      '{"ACTIVE","ACTIVE"}',
      '{"2019-01-01","2019-02-15"}',
    ]);
  });

  describe('read back by PostgreSQL', () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await openDatabase({ engine: 'memory' });
    });
    afterAll(async () => {
      await handle.close();
    });

    it('gives back every value of every column, quotes, backslashes and NULLs included', async () => {
      const literals = columnLiterals('party', ROWS);
      const read = async (literal: string | undefined, type: string) =>
        (await sql<{ values: unknown[] }>`SELECT ${literal}::${sql.raw(type)}[] AS values`.execute(handle.db)).rows[0]
          ?.values;
      expect(await read(literals[0], 'bigint')).toEqual([1, 2]);
      expect(await read(literals[3], 'text')).toEqual(['Dinas "Pendidikan"', 'SD 1 \\ Sungai Raya']);
      expect(await read(literals[5], 'bigint')).toEqual([null, 1]);
      expect(await read(literals[7], 'boolean')).toEqual([true, false]);
      expect(await read(literals[9], 'date')).toEqual(['2019-01-01', '2019-02-15']);
    });
  });
});
