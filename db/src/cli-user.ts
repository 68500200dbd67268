import readline from 'node:readline';
import type { Kysely } from 'kysely';
import {
  createUser,
  findUsers,
  type NewUser,
  newUserProblem,
  setUserDisabled,
  UserError,
} from '../auth/users.queries.ts';
import type { Database } from './database.ts';
import { ROLES, type Role } from './enums.ts';

/*
 * `pnpm cli user …`: accounts from the command line (the first ADMIN has to come from here). The
 * password is never an argument (it would sit in the shell history and the process list): it is
 * asked for on the terminal without echo, or read from standard input with --password-stdin.
 */

export const USER_HELP = `  user create --username NAME --role ROLE [--agency CODE] [--display-name TEXT] [--password-stdin]
                          create an account (roles: ${ROLES.join(', ')}; OPERATOR needs --agency);
                          the password is asked for, or read from standard input with --password-stdin
  user list               list the accounts
  user disable NAME       disable an account: its sessions end, its API keys stop working
  user enable NAME        enable it again
`;

export class UserCommandError extends Error {}

export interface UserCommandOptions {
  username?: string;
  role?: string;
  agency?: string;
  'display-name'?: string;
  'password-stdin'?: boolean;
}

/** Reads a password: all of standard input (first line) with --password-stdin, else a silent prompt twice. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const output = rl as unknown as { _writeToOutput: (s: string) => void };
      process.stderr.write(question);
      output._writeToOutput = () => {}; // no echo
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const again = await ask('Again: ');
  if (first !== again) throw new UserCommandError('the two passwords differ');
  return first;
}

/** An account refused (before or by the database) as the CLI reports it: "field: reason". */
const commandError = (error: UserError) => new UserCommandError(`${error.field}: ${error.message}`);

/** A user command checked and, for `create`, with its password read: what runUserCommand carries out. */
export type UserCommand =
  | { readonly action: 'create'; readonly user: NewUser }
  | { readonly action: 'list' }
  | { readonly action: 'disable' | 'enable'; readonly username: string };

/**
 * Checks a user command and reads the password of `create`, before any database is opened: a
 * mistyped command, an unknown role or a password too short fails at once.
 */
export async function prepareUserCommand(args: string[], options: UserCommandOptions): Promise<UserCommand> {
  const [action, name] = args;
  switch (action) {
    case 'create': {
      const { username, role } = options;
      if (!username) throw new UserCommandError('user create needs --username');
      if (!role || !(ROLES as readonly string[]).includes(role)) {
        throw new UserCommandError(`user create needs --role, one of ${ROLES.join(', ')}`);
      }
      const user: NewUser = {
        username,
        role: role as Role,
        password: await readPassword(options['password-stdin'] ?? false),
        agencyCode: options.agency ?? null,
        displayName: options['display-name'] ?? null,
      };
      const problem = newUserProblem(user);
      if (problem) throw commandError(problem);
      return { action, user };
    }
    case 'list':
      return { action };
    case 'disable':
    case 'enable':
      if (!name) throw new UserCommandError(`user ${action} needs a username`);
      return { action, username: name };
    default:
      throw new UserCommandError('user needs create, list, disable or enable. Run pnpm cli --help.');
  }
}

/** Carries out a prepared user command on the tenant's accounts. */
export async function runUserCommand(db: Kysely<Database>, tenantId: string, command: UserCommand): Promise<void> {
  switch (command.action) {
    case 'create': {
      try {
        const user = await createUser(db, tenantId, command.user);
        console.log(
          `Created ${user.username} (${user.role}${user.agency_code ? `, agency ${user.agency_code}` : ''}).`,
        );
      } catch (error) {
        if (error instanceof UserError) throw commandError(error);
        throw error;
      }
      return;
    }
    case 'list': {
      const users = await findUsers(db, tenantId);
      if (users.length === 0) console.log('No accounts.');
      for (const u of users) {
        const flags = [u.disabled ? 'disabled' : '', u.is_demo ? 'demo' : ''].filter(Boolean).join(', ');
        console.log(
          [u.username.padEnd(24), u.role.padEnd(12), (u.agency_code ?? '').padEnd(24), flags].join(' ').trimEnd(),
        );
      }
      return;
    }
    case 'disable':
    case 'enable': {
      const disable = command.action === 'disable';
      if (!(await setUserDisabled(db, tenantId, command.username, disable))) {
        throw new UserCommandError(`no account is named ${command.username}`);
      }
      console.log(`${disable ? 'Disabled' : 'Enabled'} ${command.username}.`);
      return;
    }
  }
}
