import { execFile } from 'node:child_process';

/*
 * `pnpm cli …` as a process, for the CLI's tests: Node with tsx's loader runs db/src/cli.ts (one
 * process per run, where the tsx command starts Node twice), standard input given, and what it
 * printed and its exit code returned.
 */

const CLI = new URL('../src/cli.ts', import.meta.url).pathname;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: string[], stdin: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}
