// A plain NUTS transition for tests: Stan's base_nuts recursion with every state and momentum copied
// into its own vectors (no pooled points, no references), diagonal metric only. It draws random
// numbers in the sampler's order and does the same arithmetic, so the two must give identical draws:
// any point the sampler's pool reused while still referenced shows up as a difference.
import type { Rng } from '../../src/core/infer/rng';
import type { LogDensityTarget } from '../../src/core/infer/target';

export interface NutsState {
  q: Float64Array;
  p: Float64Array;
  g: Float64Array;
  lp: number;
}

const copy = (s: NutsState): NutsState => ({ q: s.q.slice(), p: s.p.slice(), g: s.g.slice(), lp: s.lp });

export interface CopyingTransition {
  state: NutsState;
  treedepth: number;
  nLeapfrog: number;
  divergent: boolean;
  acceptStat: number;
  energy: number;
}

export function copyingTransition(t: LogDensityTarget, invDiag: Float64Array, eps: number, rng: Rng, from: NutsState, maxDepth = 10): CopyingTransition {
  const n = t.dim;
  const kinetic = (p: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += p[i] * p[i] * invDiag[i];
    return 0.5 * s;
  };
  const sharp = (p: Float64Array): Float64Array => p.map((x, i) => invDiag[i] * x);
  const energy = (s: NutsState): number => {
    const h = -s.lp + kinetic(s.p);
    return Number.isNaN(h) ? Infinity : h;
  };
  const uTurnFree = (a: Float64Array, b: Float64Array, rho: Float64Array): boolean => {
    let x = 0, y = 0;
    for (let i = 0; i < n; i++) {
      x += b[i] * rho[i];
      y += a[i] * rho[i];
    }
    return x > 0 && y > 0;
  };
  const add = (a: Float64Array, b: Float64Array): Float64Array => a.map((x, i) => x + b[i]);

  let z = copy(from);
  for (let i = 0; i < n; i++) z.p[i] = rng.normal() * (1 / Math.sqrt(invDiag[i])); // DiagMetric.sampleMomentum's
  const H0 = energy(z);
  let nLeapfrog = 0, sumMetro = 0, divergent = false;

  // one subtree: [valid, proposal, rho, pBeg, pSharpBeg, pEnd, pSharpEnd, log sum of weights]
  type Tree = { valid: boolean; propose: NutsState; rho: Float64Array; pBeg: Float64Array; sBeg: Float64Array; pEnd: Float64Array; sEnd: Float64Array; lsw: number };
  const build = (depth: number, sign: number): Tree => {
    if (depth === 0) {
      const e = sign * eps, half = 0.5 * e;
      const p = z.p.map((x, i) => x + half * z.g[i]);
      const q = z.q.map((x, i) => x + e * (invDiag[i] * p[i]));
      const g = new Float64Array(n);
      let lp: number;
      try {
        lp = t.logDensityGradient(q, g);
      } catch {
        lp = -Infinity;
      }
      if (Number.isNaN(lp)) lp = -Infinity;
      for (let i = 0; i < n; i++) p[i] += half * g[i];
      z = { q, p, g, lp };
      nLeapfrog++;
      let h = energy(z);
      if (Number.isNaN(h)) h = Infinity;
      const w = H0 - h;
      if (-w > 1000) divergent = true;
      sumMetro += w > 0 ? 1 : Math.exp(w);
      const s = sharp(z.p);
      return { valid: !divergent, propose: copy(z), rho: z.p.slice(), pBeg: z.p.slice(), sBeg: s, pEnd: z.p.slice(), sEnd: s.slice(), lsw: w };
    }
    const a = build(depth - 1, sign);
    if (!a.valid) return a;
    const b = build(depth - 1, sign);
    if (!b.valid) return b;
    let lsw: number, share: number;
    if (a.lsw === -Infinity || b.lsw === -Infinity) {
      lsw = a.lsw === -Infinity ? b.lsw : a.lsw;
      share = Math.exp(b.lsw - lsw);
    } else if (a.lsw > b.lsw) {
      const x = Math.exp(b.lsw - a.lsw);
      lsw = a.lsw + Math.log1p(x);
      share = x / (1 + x);
    } else {
      const x = Math.exp(a.lsw - b.lsw);
      lsw = b.lsw + Math.log1p(x);
      share = 1 / (1 + x);
    }
    const propose = b.lsw > lsw || rng.uniform() < share ? b.propose : a.propose;
    const rho = add(a.rho, b.rho);
    const valid = uTurnFree(a.sBeg, b.sEnd, rho) && uTurnFree(a.sBeg, b.sBeg, add(a.rho, b.pBeg)) && uTurnFree(a.sEnd, b.sEnd, add(b.rho, a.pEnd));
    return { valid, propose, rho, pBeg: a.pBeg, sBeg: a.sBeg, pEnd: b.pEnd, sEnd: b.sEnd, lsw };
  };

  let fwd = copy(z), bck = copy(z), sample = copy(z);
  const s0 = sharp(z.p);
  let pFwdFwd: Float64Array = z.p.slice(), sFwdFwd: Float64Array = s0, pFwdBck: Float64Array = z.p.slice(), sFwdBck: Float64Array = s0;
  let pBckFwd: Float64Array = z.p.slice(), sBckFwd: Float64Array = s0, pBckBck: Float64Array = z.p.slice(), sBckBck: Float64Array = s0;
  let rho: Float64Array = z.p.slice(), lsw = 0, depth = 0;
  while (depth < maxDepth) {
    let tree: Tree, rhoFwd: Float64Array, rhoBck: Float64Array;
    if (rng.uniform() > 0.5) {
      z = copy(fwd);
      rhoBck = rho;
      pBckFwd = pFwdFwd;
      sBckFwd = sFwdFwd;
      tree = build(depth, 1);
      fwd = copy(z);
      if (!tree.valid) break;
      rhoFwd = tree.rho;
      pFwdBck = tree.pBeg; sFwdBck = tree.sBeg; pFwdFwd = tree.pEnd; sFwdFwd = tree.sEnd;
    } else {
      z = copy(bck);
      rhoFwd = rho;
      pFwdBck = pBckBck;
      sFwdBck = sBckBck;
      tree = build(depth, -1);
      bck = copy(z);
      if (!tree.valid) break;
      rhoBck = tree.rho;
      pBckFwd = tree.pBeg; sBckFwd = tree.sBeg; pBckBck = tree.pEnd; sBckBck = tree.sEnd;
    }
    depth++;
    const better = tree.lsw > lsw;
    const ratio = better ? 1 : Math.exp(tree.lsw - lsw);
    if (better || rng.uniform() < ratio) sample = tree.propose;
    if (tree.lsw !== -Infinity) lsw = lsw > tree.lsw ? lsw + Math.log1p(ratio) : tree.lsw + Math.log1p(Math.exp(lsw - tree.lsw));
    rho = add(rhoBck, rhoFwd);
    const go = uTurnFree(sBckBck, sFwdFwd, rho) && uTurnFree(sBckBck, sFwdBck, add(rhoBck, pFwdBck)) && uTurnFree(sBckFwd, sFwdFwd, add(rhoFwd, pBckFwd));
    if (!go) break;
  }
  return { state: copy(sample), treedepth: depth, nLeapfrog, divergent, acceptStat: nLeapfrog > 0 ? sumMetro / nLeapfrog : 0, energy: energy(sample) };
}
