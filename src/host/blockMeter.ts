// Measures the extension host's own synchronous work for fits (message handling, building the panel
// state, storing results), so a test can show none of it blocks the event loop for long.
export interface BlockRecord {
  maxMs: number;
  label: string;
}

const worst: BlockRecord = { maxMs: 0, label: '' };

export function timed<T>(label: string, body: () => T): T {
  const t0 = performance.now();
  try {
    return body();
  } finally {
    const ms = performance.now() - t0;
    if (ms > worst.maxMs) {
      worst.maxMs = ms;
      worst.label = label;
    }
  }
}

export function blockRecord(reset = false): BlockRecord {
  const r = { ...worst };
  if (reset) {
    worst.maxMs = 0;
    worst.label = '';
  }
  return r;
}
