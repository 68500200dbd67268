import 'reflect-metadata';
import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT } from '@jejaring/db/testing';
import { graphql } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR } from '../../src/auth/actor.ts';
import { loadServerConfig } from '../../src/config.ts';
import type { Context } from '../../src/context.ts';
import { maskNik } from '../../src/modules/party/party.types.ts';
import { getSchema } from '../../src/schema.ts';

/*
 * The owner's name and NIK are personal data (docs/data-model.md "Parties"). Over HTTP nobody may see them yet (no
 * role grants it until authentication lands); this checks the gate itself: the context flag
 * `canSeePersonalData` decides, and without it the name is null and the NIK masked.
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
    .values({ tenant_id: TEST_TENANT, party_id: party.id, owner_name: 'Sari Wulandari', owner_nik: '6112014508850001' })
    .execute();
  enterpriseId = Buffer.from(`Enterprise:${party.id}`).toString('base64url');
});
afterAll(() => handle?.close());

async function owner(canSeePersonalData: boolean | undefined) {
  const contextValue: Context = {
    db: handle.db,
    tenantId: TEST_TENANT,
    requestId: 'test',
    config: loadServerConfig({ DEMO_DATA: 'off' }),
    logger: pino({ level: 'silent' }),
    loaders: new Map(),
    actor: PUBLIC_ACTOR,
    ...(canSeePersonalData === undefined ? {} : { canSeePersonalData }),
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
  it('hides the name and masks the NIK when the context says nothing', async () => {
    expect(await owner(undefined)).toEqual({ ownerName: null, ownerNik: '6112**********01', ownerGender: null });
  });

  it('hides them when the request may not see personal data', async () => {
    expect(await owner(false)).toMatchObject({ ownerName: null, ownerNik: '6112**********01' });
  });

  it('shows them in full to a request allowed to see personal data', async () => {
    expect(await owner(true)).toMatchObject({ ownerName: 'Sari Wulandari', ownerNik: '6112014508850001' });
  });

  it('masks any length without revealing more than the region prefix and two digits', () => {
    expect(maskNik('6112014508850001')).toBe('6112**********01');
    expect(maskNik(null)).toBeNull();
    expect(maskNik('12345')).toBe('*****');
  });
});
