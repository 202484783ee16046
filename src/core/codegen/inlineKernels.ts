// The most common densities written straight into generated code, specialised at compile time to the
// call's flags (which terms are kept, which partials are needed), so a density over a vector costs a
// few flops per element. They mirror the math library's kernels term by term (normal.ts, stdNormal.ts,
// cauchy.ts, bernoulliLogit.ts); an invalid argument falls back to the library kernel for Stan's error message.
// log(sigma) goes through R.m.logScale, which remembers its last argument: a scale shared by every
// element or every iteration of a loop costs one log, not one per density.
import type { EmitContext } from './emitContext';

const LOG_SQRT_2PI = 0.9189385332046728;
const LOG_PI = 1.1447298858494002;

// include(flags, mask) of the math library, at compile time.
function include(flags: number, mask: number): boolean {
  return (flags & 128) === 0 || (~flags & mask) !== 0;
}

export interface Kernel {
  lp: string; // code of the log density term of this element
  d: (j: number) => string; // code of the partial with respect to argument j
}

type Template = (cx: EmitContext, flags: number, v: string[], want: boolean[], fail: string) => Kernel;

const T: Record<string, Template> = {
  normal(cx, flags, [y, mu, sigma], want, fail) {
    cx.L.line(`if (!(${y} === ${y} && Math.abs(${mu}) < Infinity && ${sigma} > 0 && ${sigma} < Infinity)) ${fail};`);
    if (!include(flags, 7)) return { lp: '0', d: () => '0' };
    const inv = cx.fresh('iv'), z = cx.fresh('z');
    cx.L.line(`const ${inv} = 1 / ${sigma}, ${z} = (${y} - ${mu}) * ${inv};`);
    let lp = `-0.5 * ${z} * ${z}`;
    if (include(flags, 0)) lp += ` - ${LOG_SQRT_2PI}`;
    if (include(flags, 4)) lp += ` - R.m.logScale(${sigma})`;
    const d = (j: number) => (j === 0 ? `(-${z} * ${inv})` : j === 1 ? `(${z} * ${inv})` : `((${z} * ${z} - 1) * ${inv})`);
    return { lp, d: (j) => (want[j] ? d(j) : '0') };
  },
  std_normal(cx, flags, [y], _want, fail) {
    cx.L.line(`if (!(${y} === ${y})) ${fail};`);
    if (!include(flags, 1)) return { lp: '0', d: () => '0' };
    return { lp: `-0.5 * ${y} * ${y}${include(flags, 0) ? ` - ${LOG_SQRT_2PI}` : ''}`, d: () => `(-${y})` };
  },
  bernoulli_logit(cx, flags, [n, a], want, fail) {
    cx.L.line(`if (!((${n} === 0 || ${n} === 1) && ${a} === ${a})) ${fail};`);
    if (!include(flags, 2)) return { lp: '0', d: () => '0' };
    // One exponential for the term and the partial: with e = exp(-|a|), log1p(exp(s)) for s = -a (n = 1)
    // or a (n = 0) is max(s, 0) + log1p(e), and inv_logit(a) is 1 / (1 + e) or e / (1 + e).
    const e = cx.fresh('ea');
    cx.L.line(`const ${e} = Math.exp(-Math.abs(${a}));`);
    const lp = `-(Math.log1p(${e}) + (${n} === 1 ? (${a} < 0 ? -${a} : 0) : (${a} > 0 ? ${a} : 0)))`;
    return { lp, d: (j) => (j === 1 && want[1] ? `(${n} - (${a} < 0 ? ${e} / (1 + ${e}) : 1 / (1 + ${e})))` : '0') };
  },
  cauchy(cx, flags, [y, mu, sigma], want, fail) {
    cx.L.line(`if (!(${y} === ${y} && Math.abs(${mu}) < Infinity && ${sigma} > 0 && ${sigma} < Infinity)) ${fail};`);
    if (!include(flags, 7)) return { lp: '0', d: () => '0' };
    const z = cx.fresh('z'), dz = cx.fresh('dz');
    cx.L.line(`const ${z} = (${y} - ${mu}) / ${sigma}, ${dz} = (-2 * ${z}) / (1 + ${z} * ${z});`);
    let lp = `-Math.log1p(${z} * ${z})`;
    if (include(flags, 0)) lp += ` - ${LOG_PI}`;
    if (include(flags, 4)) lp += ` - R.m.logScale(${sigma})`;
    const d = (j: number) => (j === 0 ? `(${dz} / ${sigma})` : j === 1 ? `(-${dz} / ${sigma})` : `((-1 - ${dz} * ${z}) / ${sigma})`);
    return { lp, d: (j) => (want[j] ? d(j) : '0') };
  },
};

export function hasInlineKernel(family: string): boolean {
  return T[family] !== undefined;
}

// Emit one element's density; `fam` is the family constant (for the error message fallback).
export function inlineKernel(cx: EmitContext, family: string, fam: string, flags: number, v: string[], want: boolean[]): Kernel {
  const fail = `R.d.failAt(${fam}, ${flags}, ${v.join(', ')})`;
  return T[family](cx, flags, v, want, fail);
}
