import { PUBLIC_ROLE, ROLES } from '@jejaring/db/enums';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ActorRole } from './actor.ts';

export const RoleEnum = Object.fromEntries([...ROLES, PUBLIC_ROLE].map((r) => [r, r])) as {
  [K in ActorRole]: K;
};
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a request may see and do (docs/security.md, "Roles").',
  valuesConfig: {
    ADMIN: {
      description: 'Everything: every read (personal data included, audited), every write, accounts and API keys.',
    },
    OPERATOR: {
      description:
        "An agency's operator: reads like an analyst, writes only for its own agency and that agency's network units; sees the NIK of enterprises its agency registered.",
    },
    POLICYMAKER: { description: 'The regent, Bappeda: reads everything but personal data; no writes.' },
    DPRD: { description: 'Members of the regional parliament: reads everything but personal data; no writes.' },
    ANALYST: { description: 'Reads everything but personal data, usually with an API key; no writes.' },
    PUBLIC: {
      description:
        'Anyone without credentials: aggregate measures and public registry fields only; no personal data, no transaction list.',
    },
  },
});

@ObjectType({ description: 'An account (only ADMIN lists accounts; anyone signed in sees their own in `me`).' })
export class User {
  rowId!: number;
  agencyId!: number | null;

  @Field(() => ID, { description: 'Opaque id.' })
  id!: string;

  @Field(() => String, { description: 'The sign-in name: lower-case letters, digits, dot, dash, underscore.' })
  username!: string;

  @Field(() => String, { nullable: true, description: 'A name to show.' })
  displayName!: string | null;

  @Field(() => RoleEnum)
  role!: ActorRole;

  @Field(() => String, { nullable: true, description: "An OPERATOR's agency code (null for every other role)." })
  agencyCode!: string | null;

  @Field(() => Boolean, {
    description:
      'A disabled account cannot sign in; its sessions and API keys stopped working (within CREDENTIAL_CACHE_MS, 1 s by default).',
  })
  disabled!: boolean;

  @Field(() => Boolean, { description: 'A demo account (published password): never keep one on real data.' })
  demo!: boolean;

  @Field(() => GraphQLDateTimeISO, { description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'Who is asking: the role of this request and, when signed in, the account.' })
export class Viewer {
  @Field(() => RoleEnum, { description: 'PUBLIC when the request brings no credentials.' })
  role!: ActorRole;

  @Field(() => User, { nullable: true, description: 'The account, when signed in (session or API key).' })
  user!: User | null;

  @Field(() => Boolean, { description: 'True when the request came with an API key rather than a session.' })
  viaApiKey!: boolean;
}

@ObjectType({ description: 'A new session.' })
export class LoginResult {
  @Field(() => User)
  user!: User;

  @Field(() => String, {
    description:
      'The session token, for scripts: send it as `Authorization: Bearer <token>`. The dashboard uses the HttpOnly cookie set with the same answer instead.',
  })
  token!: string;

  @Field(() => GraphQLDateTimeISO, {
    description: 'When the session ends at the latest (it ends earlier after SESSION_IDLE_SECONDS without a request).',
  })
  expiresAt!: Date;
}

@ObjectType({ description: 'An API key: lets a script act as an account (`Authorization: ApiKey <key>`).' })
export class ApiKey {
  rowId!: number;
  userId!: number;

  @Field(() => ID, { description: 'Opaque id.' })
  id!: string;

  @Field(() => String, { description: 'What the key is for, e.g. "Bappeda notebook".' })
  name!: string;

  @Field(() => String, {
    description: 'The first characters of the key, to recognise it (the key itself is never stored).',
  })
  prefix!: string;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description:
      'When it was revoked; a revoked key is refused from the next request on (by other instances of the API within CREDENTIAL_CACHE_MS).',
  })
  revokedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'About when it was last used (updated at most once a minute).',
  })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: 'A new API key, with the key itself: shown this once, never again.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The key. Store it now: only a hash of it is kept.' })
  key!: string;
}
