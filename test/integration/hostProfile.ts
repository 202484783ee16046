// Who blocks the extension host's event loop: V8's sampling profiler, run in-process through the
// inspector while a fit goes on, tells which code was on the stack at every sample. A synchronous stretch
// of Vigil's code is a run of consecutive samples with a frame of Vigil's bundle on the stack (garbage
// collection inside the run counts too: Vigil's allocations caused it). Not a test file: index.ts loads
// only *.test.js.
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
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number; // µs
  endTime: number;
  samples: number[];
  timeDeltas: number[]; // µs
}

export interface Stretch {
  /** Wall time from the first to the last sample of the run. */
  wallMs: number;
  /** Samples in the run times the sampling interval: the time the thread spent there while it ran (a
   * thread the OS set aside on a busy machine is not sampled meanwhile, so this does not count that). */
  sampledMs: number;
  /** The innermost frame of ours at the run's first sample, to name the culprit. */
  where: string;
}

export interface Attribution {
  samples: number;
  ourSamples: number;
  longest: Stretch;
}

export class HostProfiler {
  private readonly session = new inspector.Session();

  constructor(readonly intervalUs = 500) {}

  async start(): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: this.intervalUs });
    await this.post('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    try {
      const { profile } = (await this.post('Profiler.stop')) as { profile: CpuProfile };
      return profile;
    } finally {
      this.session.disconnect();
    }
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => this.session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  }
}

/** The longest synchronous run of samples with a frame whose script URL satisfies `isOurs` on the stack. */
export function attribute(profile: CpuProfile, isOurs: (url: string) => boolean, intervalUs: number): Attribution {
  const parent = new Map<number, ProfileNode>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n);
  }
  // The innermost frame of ours on each node's stack (null: none).
  const ours = new Map<number, CallFrame | null>();
  const oursOf = (id: number): CallFrame | null => {
    if (ours.has(id)) return ours.get(id)!;
    const n = byId.get(id)!;
    const own = isOurs(n.callFrame.url) ? n.callFrame : null;
    const up = parent.get(id);
    const found = own ?? (up ? oursOf(up.id) : null);
    ours.set(id, found);
    return found;
  };
  const isGc = (id: number) => byId.get(id)?.callFrame.functionName === '(garbage collector)';

  let t = profile.startTime;
  let ourSamples = 0;
  let longest: Stretch = { wallMs: 0, sampledMs: 0, where: '' };
  let run: { start: number; last: number; count: number; where: string } | null = null;
  const close = () => {
    if (!run) return;
    const s = { wallMs: (run.last - run.start) / 1000, sampledMs: (run.count * intervalUs) / 1000, where: run.where };
    if (s.sampledMs > longest.sampledMs || (s.sampledMs === longest.sampledMs && s.wallMs > longest.wallMs)) longest = s;
    run = null;
  };
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const frame = oursOf(id);
    if (frame) {
      ourSamples++;
      if (!run) run = { start: t, last: t, count: 0, where: `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}` };
      run.last = t;
      run.count++;
    } else if (run && isGc(id)) {
      run.last = t;
      run.count++;
    } else close();
  });
  close();
  return { samples: profile.samples.length, ourSamples, longest };
}
