import fs from 'node:fs';

export class DirectoryLockedError extends Error {
  override readonly name = 'DirectoryLockedError';
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory: PGlite takes none, and a second process
 * opening the same directory silently discards the first one's committed writes. The lock is a
 * file beside the directory holding the owner's pid; a lock whose owner is gone is stale and taken
 * over. Returns the function that releases it.
 */
export function lockDirectory(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
        throw new DirectoryLockedError(
          `The database directory ${dir} is in use by another Jejaring process (pid ${owner}). ` +
            'PGlite allows one process at a time: stop that process first, or set PGLITE_DIR to another directory, ' +
            'or use PostgreSQL through DATABASE_URL.',
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its owner has exited
    }
  }
  throw new DirectoryLockedError(`Could not lock ${dir}: ${lockPath} keeps reappearing`);
}
