import fs from 'node:fs';
import os from 'node:os';

export class DirectoryLockedError extends Error {
  override readonly name = 'DirectoryLockedError';
}

/*
 * PGlite takes no lock of its own, and a second process opening the same data directory silently
 * discards the first one's committed writes. So the directory gets a lock file beside it
 * (`<dir>.lock`), created with O_EXCL (atomic: of two processes creating it at once, exactly one
 * succeeds), holding who owns it:
 *
 *   {"pid":1234,"bootId":"9d31…","startTime":168583,"host":"srv-1"}
 *
 * A PID alone cannot tell the owner from a later process that got the same number (a container
 * or a systemd service restarted after a crash often gets the very same PID; an unrelated process
 * may reuse it). The boot id (/proc/sys/kernel/random/boot_id) and the owner's start time (field
 * 22 of /proc/PID/stat, in clock ticks since boot) identify the process for the life of the
 * machine: the lock is held only if a process with that PID exists and started at that moment
 * in this boot. Where /proc does not exist (not Linux), only the PID is compared.
 *
 * Taking over a stale lock is serialised by a second, short-lived O_EXCL file (`<dir>.lock.break`):
 * whoever creates it re-reads the lock, removes it only if it is still the same stale file, and
 * then competes for the lock with O_EXCL like everyone else; a breaker left behind by a process
 * killed during those microseconds is removed after 10 s. So two processes that both find a stale
 * lock cannot both win, and neither can remove a lock that a third has just taken.
 */

interface Owner {
  readonly pid: number;
  readonly bootId: string | null;
  readonly startTime: number | null;
  readonly host?: string;
}

const BREAKER_STALE_MS = 10_000;

/** Blocks for `ms` (the lock is taken while opening the database, before anything else runs). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

const bootId = (): string | null => readText('/proc/sys/kernel/random/boot_id')?.trim() || null;

/** Start time of a process in clock ticks since boot (Linux), or null when unknown. */
function startTimeOf(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const value = Number(fields[19]); // field 22 overall
  return Number.isFinite(value) ? value : null;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): Owner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), bootId: null, startTime: null }; // older lock files
  try {
    const owner = JSON.parse(trimmed) as Owner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null; // torn or foreign content: nobody can own it
  }
}

/** Does the process that wrote this lock still run? */
function ownerAlive(owner: Owner): boolean {
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return false; // the machine restarted since
  if (!processExists(owner.pid)) return false;
  if (owner.startTime !== null) {
    const started = startTimeOf(owner.pid);
    if (started !== null && started !== owner.startTime) return false; // the PID now belongs to another process
  }
  return true;
}

/** Removes the lock at `lockPath` if it is still the very file (same inode, same text) judged stale. */
function breakStaleLock(lockPath: string, stale: { ino: number; text: string }): void {
  const breaker = `${lockPath}.break`;
  let fd: number;
  try {
    fd = fs.openSync(breaker, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (fs.statSync(breaker, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > BREAKER_STALE_MS) fs.rmSync(breaker, { force: true });
    return; // someone else is breaking it: compete for the lock again
  }
  try {
    const current = fs.statSync(lockPath, { throwIfNoEntry: false });
    if (current?.ino === stale.ino && readText(lockPath) === stale.text) fs.unlinkSync(lockPath);
  } finally {
    fs.closeSync(fd);
    fs.rmSync(breaker, { force: true });
  }
}

/**
 * Takes the exclusive lock on a PGlite data directory for this process. Returns the function
 * that releases it (also called on process exit). Throws DirectoryLockedError naming the owner's
 * PID when another live process holds it.
 */
export function lockDirectory(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  const me: Owner = { pid: process.pid, bootId: bootId(), startTime: startTimeOf(process.pid) };
  const text = `${JSON.stringify({ ...me, host: os.hostname() })}\n`;
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (readText(lockPath) === text) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stat = fs.statSync(lockPath, { throwIfNoEntry: false });
    const found = readText(lockPath);
    if (!stat || found === null) continue; // released meanwhile: try again
    // An empty file is a lock being written right now (between O_EXCL and the write): wait for it.
    if (found === '' && Date.now() - stat.mtimeMs < 1_000) {
      pause(10);
      continue;
    }
    const owner = parseOwner(found);
    if (owner && ownerAlive(owner)) {
      throw new DirectoryLockedError(
        `The database directory ${dir} is in use by another Jejaring process (pid ${owner.pid}). ` +
          'PGlite allows one process at a time: stop that process first, or set PGLITE_DIR to another directory, ' +
          'or use PostgreSQL through DATABASE_URL.',
      );
    }
    breakStaleLock(lockPath, { ino: stat.ino, text: found });
    pause(Math.random() * 5);
  }
  throw new DirectoryLockedError(`Could not lock ${dir}: ${lockPath} keeps reappearing`);
}
