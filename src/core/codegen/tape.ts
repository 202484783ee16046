// The reverse-mode autodiff tape. An autodiff scalar is the index of a node; node values and adjoints
// live in typed arrays, and every dependency is an edge (child, parent, partial) appended in creation
// order, so the reverse sweep is one tight loop `adj[parent] += partial * adj[child]` run backwards.
// Nodes 0..dim-1 are the unconstrained parameters. The tape is reset per evaluation and only grows
// (doubling) when too small, so a scalar model allocates nothing per gradient.
import { digamma } from '../math/special/digamma';
import { lgamma } from '../math/special/lgamma';
import { log1pExp, logMixPartials } from '../math/special/logExp';
import { invLogit } from '../math/special/logistic';
import type { BinaryFn, UnaryFn } from './scalarFunctions';

// A reverse callback for operations with many partials that are cheaper to recompute than to store
// (data matrix times parameter vector). Called with the tape and the three stored arguments.
export type ReverseFn = (t: Tape, a: unknown, b: unknown, c: number) => void;

export class Tape {
  val: Float64Array;
  adj: Float64Array;
  n = 0;
  ec: Int32Array; // edge child
  ep: Int32Array; // edge parent
  ew: Float64Array; // edge partial
  m = 0;
  // Reverse callbacks, each run when the sweep reaches the edge position where it was registered.
  private cbPos: number[] = [];
  private cbFn: ReverseFn[] = [];
  private cbA: unknown[] = [];
  private cbB: unknown[] = [];
  private cbC: number[] = [];
  private ncb = 0;
  // Terms of the log density (node indices) and its constant part.
  private acc: Int32Array;
  private nacc = 0;
  lpConst = 0;

  constructor(nodes = 1024, edges = 2048) {
    this.val = new Float64Array(nodes);
    this.adj = new Float64Array(nodes);
    this.ec = new Int32Array(edges);
    this.ep = new Int32Array(edges);
    this.ew = new Float64Array(edges);
    this.acc = new Int32Array(64);
  }

  // Start an evaluation at the unconstrained point theta (nodes 0..dim-1).
  reset(theta: ArrayLike<number>): void {
    const d = theta.length;
    while (this.val.length < d) this.growNodes();
    for (let i = 0; i < d; i++) this.val[i] = theta[i];
    this.n = d;
    this.m = 0;
    this.ncb = 0;
    this.nacc = 0;
    this.lpConst = 0;
  }

  private growNodes(): void {
    const v = new Float64Array(this.val.length * 2);
    v.set(this.val);
    this.val = v;
    this.adj = new Float64Array(v.length);
  }

  private growEdges(): void {
    const k = this.ec.length * 2;
    const c = new Int32Array(k), p = new Int32Array(k), w = new Float64Array(k);
    c.set(this.ec);
    p.set(this.ep);
    w.set(this.ew);
    this.ec = c;
    this.ep = p;
    this.ew = w;
  }

  // A new node with value v (no parents: a constant when nothing else is added).
  node(v: number): number {
    if (this.n === this.val.length) this.growNodes();
    this.val[this.n] = v;
    return this.n++;
  }

  c(v: number): number {
    return this.node(v);
  }

  edge(child: number, parent: number, w: number): void {
    if (this.m === this.ec.length) this.growEdges();
    const m = this.m++;
    this.ec[m] = child;
    this.ep[m] = parent;
    this.ew[m] = w;
  }

  // Make room for k more edges at once (n-ary nodes write them directly).
  reserveEdges(k: number): void {
    while (this.m + k > this.ec.length) this.growEdges();
  }

  onReverse(fn: ReverseFn, a: unknown, b: unknown, c: number): void {
    const k = this.ncb++;
    this.cbPos[k] = this.m;
    this.cbFn[k] = fn;
    this.cbA[k] = a;
    this.cbB[k] = b;
    this.cbC[k] = c;
  }

  val1(a: number): number {
    return this.val[a];
  }

  // ----- the log density -----
  target(a: number): void {
    if (this.nacc === this.acc.length) {
      const x = new Int32Array(this.acc.length * 2);
      x.set(this.acc);
      this.acc = x;
    }
    this.acc[this.nacc++] = a;
  }

  targetConst(v: number): void {
    this.lpConst += v;
  }

  // The target so far as a node (Stan's target()).
  current(): number {
    const k = this.node(this.logDensity());
    for (let i = 0; i < this.nacc; i++) this.edge(k, this.acc[i], 1);
    return k;
  }

  logDensity(): number {
    let s = this.lpConst;
    for (let k = 0; k < this.nacc; k++) s += this.val[this.acc[k]];
    return s;
  }

  // Reverse sweep; writes d(log density)/d(theta) into out (length dim) and returns the log density.
  gradient(out: Float64Array): number {
    const adj = this.adj;
    adj.fill(0, 0, this.n);
    for (let k = 0; k < this.nacc; k++) adj[this.acc[k]] += 1;
    const ec = this.ec, ep = this.ep, ew = this.ew;
    let e = this.m;
    for (let k = this.ncb - 1; k >= -1; k--) {
      const stop = k >= 0 ? this.cbPos[k] : 0;
      while (e > stop) {
        e--;
        const a = adj[ec[e]];
        if (a !== 0) adj[ep[e]] += ew[e] * a;
      }
      if (k >= 0) this.cbFn[k](this, this.cbA[k], this.cbB[k], this.cbC[k]);
    }
    for (let i = 0; i < out.length; i++) out[i] = adj[i];
    return this.logDensity();
  }

  // ----- scalar operations (a, b node indices; c a plain number) -----
  un(v: number, a: number, d: number): number {
    const i = this.node(v);
    this.edge(i, a, d);
    return i;
  }

  bin(v: number, a: number, da: number, b: number, db: number): number {
    const i = this.node(v);
    this.edge(i, a, da);
    this.edge(i, b, db);
    return i;
  }

  // A library function without a method of its own (scalarFunctions.ts).
  unary(a: number, fn: UnaryFn): number {
    const x = this.val[a];
    const r = fn.f(x);
    return this.un(r, a, fn.d(x, r));
  }

  private readonly pair = new Float64Array(2);
  binary(a: number, b: number, fn: BinaryFn): number {
    const v = fn.p(this.pair, this.val[a], this.val[b]);
    return this.bin(v, a, this.pair[0], b, this.pair[1]);
  }

  add(a: number, b: number): number {
    return this.bin(this.val[a] + this.val[b], a, 1, b, 1);
  }
  sub(a: number, b: number): number {
    return this.bin(this.val[a] - this.val[b], a, 1, b, -1);
  }
  mul(a: number, b: number): number {
    return this.bin(this.val[a] * this.val[b], a, this.val[b], b, this.val[a]);
  }
  div(a: number, b: number): number {
    const vb = this.val[b];
    const q = this.val[a] / vb;
    return this.bin(q, a, 1 / vb, b, -q / vb);
  }
  neg(a: number): number {
    return this.un(-this.val[a], a, -1);
  }
  addc(a: number, c: number): number {
    return this.un(this.val[a] + c, a, 1);
  }
  subc(a: number, c: number): number {
    return this.un(this.val[a] - c, a, 1);
  }
  csub(c: number, a: number): number {
    return this.un(c - this.val[a], a, -1);
  }
  mulc(a: number, c: number): number {
    return this.un(this.val[a] * c, a, c);
  }
  divc(a: number, c: number): number {
    return this.un(this.val[a] / c, a, 1 / c);
  }
  cdiv(c: number, a: number): number {
    const va = this.val[a];
    return this.un(c / va, a, -c / (va * va));
  }
  exp(a: number): number {
    const v = Math.exp(this.val[a]);
    return this.un(v, a, v);
  }
  log(a: number): number {
    const va = this.val[a];
    return this.un(Math.log(va), a, 1 / va);
  }
  sqrt(a: number): number {
    const v = Math.sqrt(this.val[a]);
    return this.un(v, a, 0.5 / v);
  }
  square(a: number): number {
    const va = this.val[a];
    return this.un(va * va, a, 2 * va);
  }
  inv(a: number): number {
    const va = this.val[a];
    return this.un(1 / va, a, -1 / (va * va));
  }
  log1p(a: number): number {
    const va = this.val[a];
    return this.un(Math.log1p(va), a, 1 / (1 + va));
  }
  expm1(a: number): number {
    const va = this.val[a];
    return this.un(Math.expm1(va), a, Math.exp(va));
  }
  log1m(a: number): number {
    const va = this.val[a];
    return this.un(Math.log1p(-va), a, -1 / (1 - va));
  }
  log1p_exp(a: number): number {
    const va = this.val[a];
    return this.un(log1pExp(va), a, invLogit(va));
  }
  inv_logit(a: number): number {
    const s = invLogit(this.val[a]);
    return this.un(s, a, s * (1 - s));
  }
  logit(a: number): number {
    const va = this.val[a];
    return this.un(Math.log(va / (1 - va)), a, 1 / (va * (1 - va)));
  }
  log_inv_logit(a: number): number {
    const va = this.val[a];
    return this.un(-log1pExp(-va), a, invLogit(-va));
  }
  log1m_inv_logit(a: number): number {
    const va = this.val[a];
    return this.un(-log1pExp(va), a, -invLogit(va));
  }
  lgamma(a: number): number {
    const va = this.val[a];
    return this.un(lgamma(va), a, digamma(va));
  }
  abs(a: number): number {
    const va = this.val[a];
    return this.un(Math.abs(va), a, va > 0 ? 1 : va < 0 ? -1 : 0);
  }
  tanh(a: number): number {
    const v = Math.tanh(this.val[a]);
    return this.un(v, a, 1 - v * v);
  }
  sin(a: number): number {
    const va = this.val[a];
    return this.un(Math.sin(va), a, Math.cos(va));
  }
  cos(a: number): number {
    const va = this.val[a];
    return this.un(Math.cos(va), a, -Math.sin(va));
  }
  atan(a: number): number {
    const va = this.val[a];
    return this.un(Math.atan(va), a, 1 / (1 + va * va));
  }
  pow(a: number, b: number): number {
    const va = this.val[a], vb = this.val[b];
    const v = Math.pow(va, vb);
    return this.bin(v, a, vb * Math.pow(va, vb - 1), b, va > 0 ? v * Math.log(va) : 0);
  }
  powc(a: number, c: number): number {
    const va = this.val[a];
    return this.un(Math.pow(va, c), a, c === 0 ? 0 : c * Math.pow(va, c - 1));
  }
  cpow(c: number, a: number): number {
    const v = Math.pow(c, this.val[a]);
    return this.un(v, a, c > 0 ? v * Math.log(c) : 0);
  }
  atan2(y: number, x: number): number {
    const vy = this.val[y], vx = this.val[x];
    const r2 = vx * vx + vy * vy;
    return this.bin(Math.atan2(vy, vx), y, vx / r2, x, -vy / r2);
  }
  fmax(a: number, b: number): number {
    return this.val[a] >= this.val[b] ? this.un(this.val[a], a, 1) : this.un(this.val[b], b, 1);
  }
  fmin(a: number, b: number): number {
    return this.val[a] <= this.val[b] ? this.un(this.val[a], a, 1) : this.un(this.val[b], b, 1);
  }
  // sum of xs[i] * ys[i] as one node (xs, ys: nodes).
  dot(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
    const val = this.val;
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += val[xs[i]] * val[ys[i]];
    const k = this.node(s);
    this.reserveEdges(2 * xs.length);
    for (let i = 0; i < xs.length; i++) {
      const vx = this.val[xs[i]], vy = this.val[ys[i]];
      this.edge(k, xs[i], vy);
      this.edge(k, ys[i], vx);
    }
    return k;
  }

  private readonly mix = new Float64Array(3);
  log_mix(t: number, a: number, b: number): number {
    const v = logMixPartials(this.mix, this.val[t], this.val[a], this.val[b]);
    const k = this.node(v);
    this.edge(k, t, this.mix[0]);
    this.edge(k, a, this.mix[1]);
    this.edge(k, b, this.mix[2]);
    return k;
  }
  log_sum_exp2(a: number, b: number): number {
    const va = this.val[a], vb = this.val[b];
    const mx = Math.max(va, vb);
    if (mx === -Infinity) return this.c(-Infinity);
    const ea = Math.exp(va - mx), eb = Math.exp(vb - mx);
    const s = ea + eb;
    return this.bin(mx + Math.log(s), a, ea / s, b, eb / s);
  }
}
