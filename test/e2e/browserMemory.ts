/**
 * The peak memory of the browser a spec runs in, read from /proc (Linux): the largest high-water mark
 * of resident memory (VmHWM) among the processes descended from the test worker, which launched the
 * browser. A process keeps its mark for life, so after several files it is an upper bound of each one's.
 */
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // «pid (comm) state ppid …»: comm may hold spaces and parentheses, so read after the last «)».
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function peakKb(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The largest VmHWM, in MB, of the processes under this one (0 where /proc is not there). */
export function browserPeakMb(root = process.pid): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let peak = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    peak = Math.max(peak, peakKb(pid));
    stack.push(...(children.get(pid) ?? []));
  }
  return Math.round(peak / 1024);
}
