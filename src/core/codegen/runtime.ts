// The runtime objects passed explicitly to generated code: R (value helpers, math, densities, parameter
// layout) and G (gradient container operations). Generated code uses nothing else: no globals, no require.
import * as matvecFused from './matvecFused';
import * as glmDensities from './glmDensities';
import * as triangularSolve from './triangularSolve';
import { binaryFns, unaryFns } from './scalarFunctions';
import type { UnivariateFamily } from '../math/family';
import { univariateFamilies } from '../math/registry';
import { digamma } from '../math/special/digamma';
import { erf, erfc } from '../math/special/erf';
import { lgamma } from '../math/special/lgamma';
import { log1m, log1pExp, logDiffExp, logMix, logSumExp2 } from '../math/special/logExp';
import { invLogit, log1mInvLogit, logInvLogit, logit } from '../math/special/logistic';
import { lbeta, lchoose } from '../math/special/combinatorics';
import { invPhi, Phi, PhiApprox } from '../math/special/Phi';
import { tgamma } from '../math/special/tgamma';
import { numberOps } from '../math/transforms/scalarOps';
import { Rng } from '../infer/rng';
import * as containerFns from './containerFns';
import * as gpCovariance from './gpCovariance';
import * as luFunctions from './luFunctions';
import * as matrixProducts from './matrixProducts';
import * as reshapeFns from './reshapeFns';
import * as distOps from './distOps';
import * as gradOps from './gradOps';
import * as gradReductions from './gradReductions';
import { Mat } from './mat';
import * as multivariate from './multivariate';
import * as paramSpec from './paramSpec';
import { StanError } from './stanError';
import * as runtimeIndex from './runtimeIndex';
import * as valueOps from './valueOps';
import * as vectorDensities from './vectorDensities';
import * as matrixDensities from './matrixDensities';
import { readData } from './values';

// Math.log of the last scale seen again (densities in loops mostly share one sigma).
let lastScale = NaN;
let lastLogScale = NaN;
function logScale(x: number): number {
  if (x !== lastScale) {
    lastScale = x;
    lastLogScale = Math.log(x);
  }
  return lastLogScale;
}

const m = {
  logScale,
  square: (x: number) => x * x,
  inv: (x: number) => 1 / x,
  log1m,
  log1pExp,
  invLogit,
  logit,
  logInvLogit,
  log1mInvLogit,
  lgamma,
  exp2: (x: number) => Math.pow(2, x),
  tgamma,
  digamma,
  erf,
  erfc,
  Phi,
  invPhi,
  PhiApprox,
  invSqrt: (x: number) => 1 / Math.sqrt(x),
  invSquare: (x: number) => 1 / (x * x),
  step: (x: number) => (x < 0 ? 0 : 1),
  intStep: (x: number) => (x > 0 ? 1 : 0),
  isInf: (x: number) => (x === Infinity || x === -Infinity ? 1 : 0),
  isNan: (x: number) => (x !== x ? 1 : 0),
  logSumExp2,
  fdim: (a: number, b: number) => Math.max(a - b, 0),
  fmod: (a: number, b: number) => a % b,
  lbeta,
  lchoose,
  logDiffExp,
  logMix,
};

function family(name: string): UnivariateFamily {
  const f = univariateFamilies.get(name);
  if (!f) throw new StanError(`Unknown distribution family '${name}'.`);
  return f;
}

function fmt(x: unknown): string {
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : String(x);
  if (x instanceof Mat) return `[${Array.from({ length: x.rows }, (_, i) => `[${Array.from({ length: x.cols }, (_, j) => fmt(x.data[j * x.rows + i])).join(',')}]`).join(',')}]`;
  if (x instanceof Float64Array || x instanceof Int32Array) return `[${Array.from(x, fmt).join(',')}]`;
  if (Array.isArray(x)) return `[${x.map(fmt).join(',')}]`;
  return String(x);
}

// Where print() output goes; the loader swaps it per model.
export interface PrintSink {
  (line: string): void;
}

export interface Runtime {
  [k: string]: unknown;
  print: PrintSink;
}

export function makeRuntime(print: PrintSink): Runtime {
  return {
    ...runtimeIndex,
    ...valueOps,
    at: (x: ArrayLike<number>, i: number, name: string) => x[runtimeIndex.ix(i, x.length, name)],
    rowsToMat: (rows: ArrayLike<number>[], node: boolean) => {
      const R = rows.length, C = R ? rows[0].length : 0;
      const d = node ? new Int32Array(R * C) : new Float64Array(R * C);
      rows.forEach((r, i) => {
        if (r.length !== C) throw new StanError('Matrix expression rows have different sizes.');
        for (let j = 0; j < C; j++) d[j * R + i] = r[j];
      });
      return new Mat(R, C, d);
    },
    asRowMat: (v: Float64Array | Int32Array) => new Mat(1, v.length, v),
    asColMat: (v: Float64Array | Int32Array) => new Mat(v.length, 1, v),
    Mat,
    StanError,
    mvf: matvecFused,
    numberOps,
    m,
    c: { ...containerFns, ...reshapeFns },
    mp: matrixProducts,
    lu: luFunctions,
    gp: gpCovariance,
    d: distOps,
    mvd: multivariate,
    vd: vectorDensities,
    md: matrixDensities,
    gd: glmDensities,
    la: triangularSolve,
    sf: unaryFns,
    bf: binaryFns,
    p: { spec: paramSpec.spec, read: paramSpec.read, readDyn: paramSpec.readDyn, check: paramSpec.check, get lj() { return paramSpec.jacobian.lj; } },
    readData,
    family,
    fmt,
    print,
    iota: (n: number) => Int32Array.from({ length: n }, (_, i) => i),
    tdataRng: () => new Rng(0),
    rng: (f: UnivariateFamily, r: Rng, a: number, b: number, c: number) => {
      if (!r) throw new StanError(`${f.name}_rng: no random number generator here.`);
      const v = f.rng(r, a, b, c);
      if (v !== v) throw new StanError(`${f.name}_rng: invalid arguments (${a}, ${b}, ${c}).`);
      return v;
    },
    rngVec: (f: UnivariateFamily, r: Rng, a: number | ArrayLike<number>, b: number | ArrayLike<number>, c: number | ArrayLike<number>) => {
      const n = [a, b, c].reduce((k: number, x) => (typeof x === 'number' ? k : x.length), 1);
      const at = (x: number | ArrayLike<number>, i: number) => (typeof x === 'number' ? x : x[i]);
      return Array.from({ length: n }, (_, i) => f.rng(r, at(a, i), at(b, i), at(c, i)));
    },
  };
}

export const gradRuntime = { ...gradOps, ...gradReductions };
