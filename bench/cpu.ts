// Where the CPU went during a load run, per part of the stack: on a 2-core machine the load
// generator, the gateway, PostgREST and Postgres share the cores, and their shares explain a figure.
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Proc {
  pid: number;
  ppid: number;
  name: string;
  ticks: number;
}

function processes(): Proc[] {
  const all: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' '); // fields[0] is the state, field 3 of stat(5)
      all.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        name: stat.slice(stat.indexOf('(') + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]), // utime + stime
      });
    } catch {
      /* exited meanwhile */
    }
  }
  return all;
}

/** CPU seconds so far of this process and of each child process tree, keyed by the child's name. */
export function cpuSeconds(): Map<string, number> {
  const all = processes();
  const byParent = new Map<number, Proc[]>();
  for (const p of all) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const treeTicks = (p: Proc): number => p.ticks + (byParent.get(p.pid) ?? []).reduce((sum, c) => sum + treeTicks(c), 0);
  const result = new Map<string, number>();
  const self = all.find((p) => p.pid === process.pid);
  result.set('bench process (gateway, auth)', (self?.ticks ?? 0) / TICKS_PER_SECOND);
  for (const child of byParent.get(process.pid) ?? []) {
    result.set(child.name, (result.get(child.name) ?? 0) + treeTicks(child) / TICKS_PER_SECOND);
  }
  return result;
}

/** Each part's share of one core over the interval, e.g. { postgres: 1.2 } is 120% of a core. */
export function cpuShares(before: Map<string, number>, after: Map<string, number>, seconds: number): Map<string, number> {
  const shares = new Map<string, number>();
  for (const [name, end] of after) shares.set(name, (end - (before.get(name) ?? 0)) / seconds);
  return shares;
}

/** CPU seconds all processes on the machine have run so far, plus what the hypervisor took (steal): with
    cpuSeconds(), what other work took from the cores during a run. Interrupt time is left out: over
    loopback it is mostly the bench's own traffic, and no process is charged for it. */
export function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , , , steal = 0] = fields;
  return (user + nice + system + steal) / TICKS_PER_SECOND;
}
