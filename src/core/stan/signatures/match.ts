// Matching argument types against signature rows, and choosing the best overload.
import {
  arrayOf,
  commonType,
  ERROR,
  innermost,
  INT,
  isPrim,
  promotionCost,
  REAL,
  type StanType,
  typeEquals,
  promoteIntToReal,
  isIntBased,
  indexCapacity,
} from '../types';
import type { ArgSpec, Signature } from './signature';

export interface SigMatch {
  sig: Signature;
  ret: StanType;
  cost: number;
}

// Types allowed as the elements of a vectorised (V) argument.
function vectorisableReal(t: StanType): boolean {
  return isPrim(innermost(t), 'int', 'real', 'vector', 'row_vector', 'matrix');
}

function isScalarShape(t: StanType): boolean {
  return t.kind === 'prim' && (t.name === 'int' || t.name === 'real');
}

function specCost(spec: ArgSpec, t: StanType): number {
  if (t.kind === 'error') return 0;
  switch (spec.k) {
    case 'exact':
      return promotionCost(t, spec.t);
    case 'union': {
      let best = -1;
      for (const o of spec.opts) {
        const c = promotionCost(t, o);
        if (c >= 0 && (best < 0 || c < best)) best = c;
      }
      return best;
    }
    case 'vec':
      if (spec.elem === 'int') return isIntBased(t) ? 0 : -1;
      return vectorisableReal(t) ? (isIntBased(t) ? 1 : 0) : -1;
    case 'anyArray':
      return t.kind === 'array' ? 0 : -1;
    case 'any':
      return t.kind === 'void' || t.kind === 'function' ? -1 : 0;
  }
}

// Returns the match (with its result type) or undefined when the arguments do not fit this row.
export function matchSignature(sig: Signature, argTypes: readonly StanType[]): SigMatch | undefined {
  if (sig.args.length !== argTypes.length) return undefined;
  let cost = 0;
  // Shape shared by the elementwise (V/Vi) arguments: all non-scalar ones must agree.
  let vecShape: StanType | undefined;
  let anyVectorisedContainer = false;
  // Int arguments pair with real containers of the same element count structure
  // (vector ~ array[] int, matrix ~ array[,] int).
  const intShapes: StanType[] = [];
  for (let i = 0; i < argTypes.length; i++) {
    const spec = sig.args[i].spec;
    const t = argTypes[i];
    const c = specCost(spec, t);
    if (c < 0) return undefined;
    cost += c;
    if (t.kind === 'error') continue;
    if (spec.k === 'vec' && !isScalarShape(t)) {
      if (spec.elem === 'int') intShapes.push(t);
      else {
        const shape = promoteIntToReal(t);
        if (vecShape && !typeEquals(vecShape, shape)) return undefined;
        vecShape = shape;
      }
    }
    if (spec.k === 'union' && spec.vectorised && !isScalarShape(t)) anyVectorisedContainer = true;
  }
  for (const s of intShapes) {
    if (!vecShape) vecShape = promoteIntToReal(s);
    else if (indexCapacity(s) !== indexCapacity(vecShape)) return undefined;
  }
  const ret = sig.ret;
  let result: StanType;
  switch (ret.k) {
    case 'exact':
      result = ret.t;
      break;
    case 'vec': {
      const elem = ret.elem === 'int' ? INT : REAL;
      if (!vecShape) result = elem;
      else if (vecShape.kind === 'array' && isPrim(vecShape.elem, 'real')) result = arrayOf(elem, vecShape.dims);
      else result = vecShape;
      break;
    }
    case 'rng':
      result = ret.elem === 'int' ? INT : REAL;
      if (anyVectorisedContainer) result = arrayOf(result, 1);
      break;
    case 'arg': {
      const a = argTypes[ret.index] ?? ERROR;
      result = a.kind === 'error' ? ERROR : arrayOf(a, ret.extraDims);
      break;
    }
    case 'common': {
      let c: StanType | undefined = argTypes[0] ?? ERROR;
      for (const a of argTypes.slice(1)) c = c && commonType(c, a);
      if (!c) return undefined;
      result = c;
      break;
    }
  }
  return { sig, ret: result, cost };
}

export type Resolution =
  | { ok: true; match: SigMatch }
  | { ok: false; reason: 'no-match' | 'ambiguous'; candidates: SigMatch[] };

// Picks the row needing the fewest promotions, as Stan does; equal-cost different results are ambiguous.
export function resolveOverload(sigs: readonly Signature[], argTypes: readonly StanType[]): Resolution {
  const matches: SigMatch[] = [];
  for (const s of sigs) {
    const m = matchSignature(s, argTypes);
    if (m) matches.push(m);
  }
  if (matches.length === 0) return { ok: false, reason: 'no-match', candidates: [] };
  let best = matches[0];
  for (const m of matches) if (m.cost < best.cost) best = m;
  // Ties between library rows that agree on the result are harmless overlaps of the table; a tie
  // involving a user-defined overload is a real ambiguity (as stanc3 reports it).
  const tied = matches.filter(
    (m) => m !== best && m.cost === best.cost && (!typeEquals(m.ret, best.ret) || m.sig.user === true || best.sig.user === true),
  );
  if (tied.length > 0 && !argTypes.some((t) => t.kind === 'error')) {
    return { ok: false, reason: 'ambiguous', candidates: [best, ...tied] };
  }
  return { ok: true, match: best };
}
