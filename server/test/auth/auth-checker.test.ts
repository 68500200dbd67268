import { describe, expect, it } from 'vitest';
import { type Actor, type ActorRole, requireAgencyScope, writingAgency } from '../../src/auth/actor.ts';
import { checkAccess } from '../../src/auth/auth-checker.ts';

/*
 * The pure rules behind @Authorized and the write scope, role by role. Expected verdicts written
 * out by hand from docs/security.md's matrix.
 */

const ROLES: ActorRole[] = ['ADMIN', 'OPERATOR', 'POLICYMAKER', 'DPRD', 'ANALYST', 'PUBLIC'];

describe('checkAccess (the @Authorized rule)', () => {
  const cases: Array<{ marked: ActorRole[]; verdicts: Record<ActorRole, string> }> = [
    {
      // @Authorized(): anyone signed in.
      marked: [],
      verdicts: {
        ADMIN: 'ALLOWED',
        OPERATOR: 'ALLOWED',
        POLICYMAKER: 'ALLOWED',
        DPRD: 'ALLOWED',
        ANALYST: 'ALLOWED',
        PUBLIC: 'UNAUTHENTICATED',
      },
    },
    {
      marked: ['ADMIN'],
      verdicts: {
        ADMIN: 'ALLOWED',
        OPERATOR: 'FORBIDDEN',
        POLICYMAKER: 'FORBIDDEN',
        DPRD: 'FORBIDDEN',
        ANALYST: 'FORBIDDEN',
        PUBLIC: 'UNAUTHENTICATED',
      },
    },
    {
      // A write: ADMIN passes without being listed.
      marked: ['OPERATOR'],
      verdicts: {
        ADMIN: 'ALLOWED',
        OPERATOR: 'ALLOWED',
        POLICYMAKER: 'FORBIDDEN',
        DPRD: 'FORBIDDEN',
        ANALYST: 'FORBIDDEN',
        PUBLIC: 'UNAUTHENTICATED',
      },
    },
    {
      marked: ['POLICYMAKER', 'DPRD'],
      verdicts: {
        ADMIN: 'ALLOWED',
        OPERATOR: 'FORBIDDEN',
        POLICYMAKER: 'ALLOWED',
        DPRD: 'ALLOWED',
        ANALYST: 'FORBIDDEN',
        PUBLIC: 'UNAUTHENTICATED',
      },
    },
    {
      marked: ['PUBLIC'],
      verdicts: {
        ADMIN: 'ALLOWED',
        OPERATOR: 'FORBIDDEN',
        POLICYMAKER: 'FORBIDDEN',
        DPRD: 'FORBIDDEN',
        ANALYST: 'FORBIDDEN',
        PUBLIC: 'ALLOWED',
      },
    },
  ];
  for (const { marked, verdicts } of cases) {
    it(`@Authorized([${marked.join(', ')}]): ${ROLES.map((r) => `${r} ${verdicts[r]}`).join(', ')}`, () => {
      for (const role of ROLES) expect(checkAccess({ role }, marked), role).toBe(verdicts[role]);
    });
  }
});

describe('requireAgencyScope and writingAgency (operators write only for their own agency)', () => {
  const ctx = (actor: Actor) => ({ actor });
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return 'ALLOWED';
    } catch (error) {
      return (error as { extensions: { code: string } }).extensions.code;
    }
  };

  it('lets ADMIN write for any agency and for none in particular', () => {
    expect(codeOf(() => requireAgencyScope(ctx({ role: 'ADMIN', userId: 1 }), 7))).toBe('ALLOWED');
    expect(codeOf(() => requireAgencyScope(ctx({ role: 'ADMIN', userId: 1 }), null))).toBe('ALLOWED');
    expect(writingAgency(ctx({ role: 'ADMIN', userId: 1 }))).toBeNull();
  });

  it("lets an OPERATOR write for its own agency only: another agency's or no agency's row is FORBIDDEN", () => {
    const operator = ctx({ role: 'OPERATOR', userId: 2, agencyId: 7 });
    expect(codeOf(() => requireAgencyScope(operator, 7))).toBe('ALLOWED');
    expect(codeOf(() => requireAgencyScope(operator, 8))).toBe('FORBIDDEN');
    expect(codeOf(() => requireAgencyScope(operator, null))).toBe('FORBIDDEN');
    expect(writingAgency(operator)).toBe(7);
  });

  it('refuses every write of the reading roles (FORBIDDEN) and of PUBLIC (UNAUTHENTICATED)', () => {
    for (const role of ['POLICYMAKER', 'DPRD', 'ANALYST'] as const) {
      expect(
        codeOf(() => requireAgencyScope(ctx({ role, userId: 3 }), 7)),
        role,
      ).toBe('FORBIDDEN');
      expect(
        codeOf(() => writingAgency(ctx({ role, userId: 3 }))),
        role,
      ).toBe('FORBIDDEN');
    }
    expect(codeOf(() => requireAgencyScope(ctx({ role: 'PUBLIC' }), 7))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => writingAgency(ctx({ role: 'PUBLIC' })))).toBe('UNAUTHENTICATED');
  });
});
