import fs from 'node:fs';

/* A process tree's memory, read from Linux /proc (bench:start). */

export interface ProcessMemory {
  readonly pid: number;
  readonly command: string;
  /** Resident memory now and its peak (VmRSS, VmHWM), in MB. */
  readonly rssMb: number;
  readonly hwmMb: number;
}

function parentOf(pid: number): number | null {
  try {
    // The command may contain spaces and parentheses: the fields after the last ')' are fixed.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** `root` and every process descended from it, alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree.filter((pid) => fs.existsSync(`/proc/${pid}`));
}

export function memoryOf(pid: number): ProcessMemory | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, command, rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The memory of every process in `root`'s tree. */
export function treeMemory(root: number): ProcessMemory[] {
  return processTree(root)
    .map(memoryOf)
    .filter((m): m is ProcessMemory => m !== null);
}
