import { CLASSIFY_FUNCTIONS } from './classify.sql.ts';
import { SCHEDULED_FUNCTIONS } from './scheduled.sql.ts';

/*
 * Writers of one tenant take turns on its analytics_state row before they touch a rollup
 * (migration 2026_12_10_1000_analytics_state_first).
 *
 * In TRIGGER mode every statement that writes purchases, parties or profiles changes rollup rows in
 * its own transaction, and bumped the tenant's version (a lock on its analytics_state row) only
 * after. Two transactions writing at once, each in more than one statement (an import's batches, a
 * merge, an operator's correction beside another's entry), each held rollup rows the other's next
 * statement needed: PostgreSQL broke the cycle by aborting one of them ("deadlock detected") after
 * a second's wait. Eight such writers of two statements each, side by side on PostgreSQL, lost
 * 139 of 240 transactions this way.
 *
 * Now analytics_record and analytics_reclassify bump the version first. The state row is then the
 * first lock of every writer that touches the tenant's rollups, held to its commit, so the writers
 * of a tenant apply their changes one transaction after another and none waits for a rollup row
 * while holding another. The bump's place in the transaction changes nothing else: the version is
 * seen by others only at commit. Other tenants' writers are not held up (their rows and state are
 * their own). In SCHEDULED mode the triggers write only the queues, as before.
 */

const orReplace = (definition: string) => definition.replace(/^CREATE FUNCTION /, 'CREATE OR REPLACE FUNCTION ');

const definitionOf = (list: readonly string[], name: string): string => {
  const found = list.find((definition) => definition.startsWith(`CREATE FUNCTION ${name}(`));
  if (!found) throw new Error(`no definition of ${name}`);
  return found;
};

/** Replaces `from` (which must occur exactly once) by `to` in a function's text. */
const once = (text: string, from: string, to: string): string => {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`expected one ${JSON.stringify(from)}, found ${parts.length - 1}`);
  return parts.join(to);
};

const BUMP = 'PERFORM analytics_bump(p_tenant);';

const record = definitionOf(SCHEDULED_FUNCTIONS, 'analytics_record');
const reclassify = definitionOf(CLASSIFY_FUNCTIONS, 'analytics_reclassify');

/** The two functions as the migrations before left them. */
export const PREVIOUS_STATE_FUNCTIONS: readonly string[] = [record, reclassify].map(orReplace);

/** The two functions bumping the version (locking the tenant's state row) before anything else. */
export const STATE_FIRST_FUNCTIONS: readonly string[] = [
  once(once(record, `\n      ${BUMP}\n    END`, '\n    END'), '    BEGIN\n', `    BEGIN\n      ${BUMP}\n`),
  once(once(reclassify, `\n      ${BUMP}\n    END`, '\n    END'), '    BEGIN\n', `    BEGIN\n      ${BUMP}\n`),
].map(orReplace);
