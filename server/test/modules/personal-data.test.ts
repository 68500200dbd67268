import 'reflect-metadata';
import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT } from '@jejaring/db/testing';
import { graphql } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, PUBLIC_ACTOR } from '../../src/auth/actor.ts';
import { personalAccess } from '../../src/auth/personal-data.ts';
import { loadServerConfig } from '../../src/config.ts';
import type { Context } from '../../src/context.ts';
import { maskNik } from '../../src/modules/party/party.types.ts';
import { getSchema } from '../../src/schema.ts';

/*
 * The owner's name and NIK are personal data (docs/security.md "Personal data"). This runs the
 * schema without HTTP for each kind of actor and checks what the resolvers answer; the audit and
 * the budget of unmasked reads are tested over HTTP (tests/api/personal-data.test.ts).
 */

let handle: DatabaseHandle;
let enterpriseId = '';

beforeAll(async () => {
  handle = await createTestDatabase();
  const party = await handle.db
    .insertInto('party')
    .values({
      tenant_id: TEST_TENANT,
      ref: 'EN-1',
      kind: 'ENTERPRISE',
      name: 'Keripik Bu Sari',
      region_code: '61.12.01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await handle.db
    .insertInto('enterprise_profile')
    .values({
      tenant_id: TEST_TENANT,
      party_id: party.id,
      owner_name: 'Sari Wulandari',
      owner_nik: '6112014508850001',
      registering_agency_id: null,
    })
    .execute();
  enterpriseId = Buffer.from(`Enterprise:${party.id}`).toString('base64url');
});
afterAll(() => handle?.close());

async function owner(actor: Actor) {
  const contextValue: Context = {
    db: handle.db,
    tenantId: TEST_TENANT,
    requestId: 'test',
    config: loadServerConfig({ DEMO_DATA: 'off' }),
    logger: pino({ level: 'silent' }),
    loaders: new Map(),
    actor,
  };
  const result = await graphql({
    schema: await getSchema(),
    source: 'query($id: ID!) { node(id: $id) { ... on Enterprise { ownerName ownerNik ownerGender } } }',
    variableValues: { id: enterpriseId },
    contextValue,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.node;
}

describe('personal data of enterprise owners', () => {
  it('hides the name and masks the NIK for PUBLIC', async () => {
    expect(await owner(PUBLIC_ACTOR)).toEqual({ ownerName: null, ownerNik: '6112**********01', ownerGender: null });
  });

  it('shows the name but masks the NIK for a reading role', async () => {
    expect(await owner({ role: 'DPRD', userId: 9 })).toMatchObject({
      ownerName: 'Sari Wulandari',
      ownerNik: '6112**********01',
    });
  });

  it('shows both in full to ADMIN', async () => {
    expect(await owner({ role: 'ADMIN', userId: 1 })).toMatchObject({
      ownerName: 'Sari Wulandari',
      ownerNik: '6112014508850001',
    });
  });

  it('masks the NIK for an operator when no agency registered the enterprise', async () => {
    expect(await owner({ role: 'OPERATOR', userId: 2, agencyId: 5 })).toMatchObject({ ownerNik: '6112**********01' });
  });

  it('decides per role and registering agency (personalAccess)', () => {
    const both = { ownerName: true, ownerNik: true };
    const nameOnly = { ownerName: true, ownerNik: false };
    expect(personalAccess({ role: 'PUBLIC' }, 5)).toEqual({ ownerName: false, ownerNik: false });
    expect(personalAccess({ role: 'ADMIN' }, null)).toEqual(both);
    expect(personalAccess({ role: 'OPERATOR', agencyId: 5 }, 5)).toEqual(both);
    expect(personalAccess({ role: 'OPERATOR', agencyId: 5 }, 6)).toEqual(nameOnly);
    expect(personalAccess({ role: 'OPERATOR', agencyId: 5 }, null)).toEqual(nameOnly);
    for (const role of ['POLICYMAKER', 'DPRD', 'ANALYST'] as const)
      expect(personalAccess({ role }, 5)).toEqual(nameOnly);
  });

  it('masks any length without revealing more than the region prefix and two digits', () => {
    expect(maskNik('6112014508850001')).toBe('6112**********01');
    expect(maskNik(null)).toBeNull();
    expect(maskNik('12345')).toBe('*****');
  });
});
