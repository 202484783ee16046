// Who blocks the extension host's event loop, and for how long, measured robustly on a busy machine:
// - every callback the event loop runs (async_hooks before/after, outermost only) is timed in wall time
//   and in CPU time of this thread (/proc/thread-self/schedstat: time on the CPU, apart from time spent
//   waiting for one, which is the machine's load and not the callback's doing);
// - V8's sampling profiler, run in-process through the inspector, tells whose code was on the stack: a
//   callback with a sample of a script matching `isOurs` on the stack is that script's.
// Linux only (schedstat). Not a test file: index.ts loads only *.test.js.
import { createHook } from 'async_hooks';
import * as fs from 'fs';
import * as inspector from 'inspector';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number; // µs, the monotonic clock (as process.hrtime)
  endTime: number;
  samples: number[];
  timeDeltas: number[]; // µs
}

export interface Callback {
  startUs: number;
  wallMs: number;
  cpuMs: number;
}

export interface Blame {
  /** The callback with the most CPU time among those with our code on the stack. */
  longest: Callback & { where: string };
  /** Callbacks with our code on the stack. */
  callbacks: number;
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** This thread's time on a CPU so far, in ms. */
export function threadCpuMs(fd: number, buffer = new Uint8Array(128)): number {
  const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
  return Number(String.fromCharCode(...buffer.subarray(0, n)).split(' ')[0]) / 1e6;
}

export class HostProfiler {
  private readonly session = new inspector.Session();
  private readonly fd = fs.openSync('/proc/thread-self/schedstat', 'r');
  private readonly buffer = new Uint8Array(128);
  private readonly callbacks: Callback[] = [];
  private depth = 0;
  private open = { startUs: 0, cpuMs: 0 };
  private readonly hook = createHook({
    before: () => {
      if (this.depth++ > 0) return;
      this.open = { startUs: nowUs(), cpuMs: threadCpuMs(this.fd, this.buffer) };
    },
    after: () => {
      if (this.depth === 0 || --this.depth > 0) return;
      const end = nowUs();
      this.callbacks.push({ startUs: this.open.startUs, wallMs: (end - this.open.startUs) / 1000, cpuMs: threadCpuMs(this.fd, this.buffer) - this.open.cpuMs });
    },
  });
  private profile: CpuProfile | null = null;

  constructor(readonly intervalUs = 500) {}

  async start(): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: this.intervalUs });
    await this.post('Profiler.start');
    this.hook.enable();
  }

  async stop(): Promise<{ seconds: number; samples: number; callbacks: number }> {
    this.hook.disable();
    try {
      this.profile = ((await this.post('Profiler.stop')) as { profile: CpuProfile }).profile;
    } finally {
      this.session.disconnect();
      fs.closeSync(this.fd);
    }
    return { seconds: (this.profile.endTime - this.profile.startTime) / 1e6, samples: this.profile.samples.length, callbacks: this.callbacks.length };
  }

  /** The callbacks with a sample of a script that `isOurs` on the stack, and the one that ran longest. */
  blame(isOurs: (url: string) => boolean): Blame {
    const profile = this.profile;
    if (!profile) throw new Error('stop() the profiler first');
    const frameOf = oursByNode(profile, isOurs);
    // Sample times, and the frame of ours each one shows (null: none).
    const times: number[] = [];
    let t = profile.startTime;
    profile.samples.forEach((_, i) => {
      t += profile.timeDeltas[i] ?? 0;
      times.push(t);
    });
    let longest: Blame['longest'] = { startUs: 0, wallMs: 0, cpuMs: 0, where: '' };
    let count = 0;
    let i = 0;
    for (const c of [...this.callbacks].sort((a, b) => a.startUs - b.startUs)) {
      const end = c.startUs + c.wallMs * 1000;
      while (i < times.length && times[i] < c.startUs) i++;
      let frame: CallFrame | null = null;
      for (let j = i; j < times.length && times[j] <= end && !frame; j++) frame = frameOf(profile.samples[j]);
      if (!frame) continue;
      count++;
      if (c.cpuMs > longest.cpuMs) longest = { ...c, where: `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}` };
    }
    return { longest, callbacks: count };
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => this.session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  }
}

// The innermost frame of ours on the stack of each profile node (null: none).
function oursByNode(profile: CpuProfile, isOurs: (url: string) => boolean): (id: number) => CallFrame | null {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const memo = new Map<number, CallFrame | null>();
  const of = (id: number): CallFrame | null => {
    if (memo.has(id)) return memo.get(id)!;
    const n = byId.get(id);
    const up = parent.get(id);
    const found = n && isOurs(n.callFrame.url) ? n.callFrame : up !== undefined ? of(up) : null;
    memo.set(id, found);
    return found;
  };
  return of;
}
