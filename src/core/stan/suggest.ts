// "Did you mean ...?" suggestions by edit distance. Bounded, so that a file full of unknown names
// against the whole library (600+ names) stays fast.

// Levenshtein distance, giving up (returning > bound) as soon as it must exceed `bound`.
function boundedDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

// The closest candidate, if it is close enough to be a plausible typo.
export function suggestName(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  // Allowed distance: 1 for short names, up to 3 for long ones; later candidates must beat the best.
  let bestD = Math.max(1, Math.min(3, Math.floor(word.length / 3))) + 1;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word || Math.abs(c.length - word.length) >= bestD) continue;
    const d = boundedDistance(lower, c.toLowerCase(), bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggestName(word, candidates);
  return s ? ` Did you mean '${s}'?` : '';
}
