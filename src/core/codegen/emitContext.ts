// The state of JavaScript emission: the mode (value code over numbers, or gradient code where
// parameter-dependent values are tape nodes), the variable scopes, and the user-function instances
// requested so far. Emitted names are mangled (`v_` for Stan variables, `f_` for functions) so that no
// Stan identifier can reach a JavaScript name, and Stan names appear in the code only inside
// JSON-escaped string literals.
import type { IRExpr, IRFunction, IRType } from '../ir/ir';
import type { Lines } from './emitStmt';
import type { Span } from '../stan/span';

export type Mode = 'value' | 'grad';

// An emitted expression: its JS code, whether it depends on parameters, and its Stan type.
export interface E {
  c: string;
  ad: boolean;
  t: IRType;
  // Adjoint code (adjoint-mode gradient code only): the adjoint slot of a scalar, or of element i.
  adj?: string;
  adjElem?: (i: string) => string;
}

export interface VarInfo {
  js: string;
  t: IRType;
  ad: boolean;
  adj?: string;
  adjElem?: (i: string) => string;
  // A vector read in place (adjoint code): element i's code and the length; `js` is then unusable.
  elem?: (i: string) => string;
  len?: string;
}

// `span`: where in the model (the innermost call or statement that could not be compiled).
export class CompileError extends Error {
  constructor(
    message: string,
    public span?: Span,
  ) {
    super(message);
  }
}

// Runs emit, giving a CompileError without a place this one.
export function at<T>(span: Span | undefined, emit: () => T): T {
  try {
    return emit();
  } catch (e) {
    if (e instanceof CompileError && !e.span && span) e.span = span;
    throw e;
  }
}

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

export function mangle(prefix: string, stanName: string): string {
  if (!IDENT.test(stanName)) throw new CompileError(`Invalid identifier ${JSON.stringify(stanName)}.`);
  return `${prefix}_${stanName}`;
}

export function str(s: string): string {
  return JSON.stringify(s);
}

export function numLit(v: number): string {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new CompileError(`Invalid numeric literal ${String(v)}.`);
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}

export function isRealBased(t: IRType): boolean {
  return t.base !== 'int';
}

// A density argument's leaf taken over by leafHook: element i's value code, the length, the adjoint slot
// of element i, and whether it depends on parameters (true when not given).
export interface LeafHook {
  code: string;
  len: string;
  adj: (i: string) => string;
  ad?: boolean;
}

// A user-function instance: one per (function, mode, parameter-argument mask).
export interface FnInstance {
  fn: IRFunction;
  mode: Mode;
  mask: number;
  propto: boolean;
  js: string;
}

export class EmitContext {
  private scopes: Map<string, VarInfo>[] = [new Map()];
  private tmp = 0;
  // Whether real-valued locals declared here depend on parameters.
  localAd = false;
  // Whether `_lupdf`/`~` in the code being emitted drop constants (false inside a user _lpdf instance
  // called as _lpdf).
  propto = true;
  // Set inside a user function: its return type and whether the return value depends on parameters.
  fnRet: { t: IRType | null; ad: boolean } | null = null;
  readonly families = new Set<string>();
  readonly instances = new Map<string, FnInstance>();
  readonly pending: FnInstance[] = [];
  // The lines of the statement being emitted: expressions put their temporaries here, before it.
  L!: Lines;
  // > 0 where temporaries may not be hoisted before the statement (conditionally evaluated code).
  noHoist = 0;
  // Preallocated storage for top-level container declarations (name -> JS buffer), per function.
  prealloc = new Map<string, string>();
  // Set while planning a density's vector arguments: may take over a non-elementwise leaf (a matrix times
  // a vector, emitDensity.ts).
  leafHook: ((e: IRExpr, idx: string) => LeafHook | null) | null = null;
  // Adjoint code: gradient slots not yet written (prefix `grad[O_x + ` -> the code that zeroes them).
  readonly freshSlots = new Map<string, string>();
  // Adjoint code: `slot += d`, or `slot = d` when this is the first write to a fresh vector's slots and
  // it happens in a loop over all of them (loopIdx: the index of a density loop of that vector's length).
  addTo(slot: string, d: string, loopIdx: string | null): string {
    for (const [prefix] of this.freshSlots) {
      if (!slot.startsWith(prefix)) continue;
      this.freshSlots.delete(prefix);
      if (loopIdx !== null && slot === `${prefix}${loopIdx}]`) return `${slot} = ${d};`;
    }
    return `${slot} += ${d};`;
  }
  // Adjoint mode (see emitAdjoint.ts): value code whose parameter-dependent variables carry adjoint slots.
  adjoint = false;

  constructor(
    public mode: Mode,
    readonly functions: IRFunction[],
  ) {}

  get grad(): boolean {
    return this.mode === 'grad';
  }

  // In gradient code, is this value a tape node (or container of nodes)?
  node(e: E): boolean {
    return this.mode === 'grad' && e.ad;
  }

  fresh(base: string): string {
    return `$${base}${this.tmp++}`;
  }

  push(): void {
    this.scopes.push(new Map());
  }

  pop(): void {
    this.scopes.pop();
  }

  declare(name: string, t: IRType, ad: boolean): VarInfo {
    const v: VarInfo = { js: mangle('v', name), t, ad: ad && isRealBased(t) };
    this.scopes[this.scopes.length - 1].set(name, v);
    return v;
  }

  // A compiler-made variable with arbitrary JS code (names start with '$': never a Stan name).
  declareRaw(name: string, js: string, t: IRType, ad: boolean, adj?: string, adjElem?: (i: string) => string): VarInfo {
    const v: VarInfo = { js, t, ad, adj, adjElem };
    this.scopes[this.scopes.length - 1].set(name, v);
    return v;
  }

  lookup(name: string): VarInfo {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i].get(name);
      if (v) return v;
    }
    throw new CompileError(`Unknown variable '${name}'.`);
  }

  // Run f with a fresh scope stack (for function bodies), restoring afterwards.
  isolated<T>(f: () => T): T {
    const saved = this.scopes;
    const savedAd = this.localAd;
    const savedRet = this.fnRet;
    this.scopes = [saved[0]];
    try {
      return f();
    } finally {
      this.scopes = saved;
      this.localAd = savedAd;
      this.fnRet = savedRet;
    }
  }

  family(name: string): string {
    this.families.add(name);
    return mangle('F', name);
  }

  // The numeric value of an expression (tape value for nodes): for conditions and comparisons.
  val(e: E): string {
    if (!this.node(e)) return e.c;
    return e.t.dims === 0 && (e.t.base === 'real' || e.t.base === 'int') ? `T.val[${e.c}]` : `G.valueOf(T, ${e.c})`;
  }

  // Convert e to a tape node (container of nodes) when `wantAd` in gradient code.
  as(e: E, wantAd: boolean): E {
    if (!this.grad || !wantAd || e.ad) return { ...e, ad: e.ad || wantAd };
    const scalar = e.t.dims === 0 && (e.t.base === 'real' || e.t.base === 'int');
    return { c: scalar ? `T.c(${e.c})` : `G.lift(T, ${e.c})`, ad: true, t: { ...e.t, base: e.t.base === 'int' ? 'real' : e.t.base } };
  }
}
