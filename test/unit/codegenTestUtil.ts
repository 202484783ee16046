// Shared helpers of the compiler coverage tests: compile or fail, deterministic points, gradients
// against central finite differences, and a small logistic-regression data set.
import assert from 'node:assert/strict';
import { compileModel } from '../../src/core/codegen/loadModel';
import type { CompiledModel } from '../../src/core/model/CompiledModel';

export function compile(src: string, data: Record<string, unknown> = {}): CompiledModel {
  const r = compileModel(src, data);
  if (!r.ok) assert.fail(JSON.stringify(r.diagnostics));
  return r.model;
}

export function point(n: number, seed: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.sin(seed * 7.3 + i * 1.7) * 0.8);
}

export function checkGradient(m: CompiledModel, th: Float64Array): void {
  const g = new Float64Array(m.dim);
  const lp = m.logDensityGradient(th, g);
  assert.ok(Number.isFinite(lp), `log density ${lp}: ${m.lastError}`);
  assert.ok(Math.abs(lp - m.logDensity(th)) <= 1e-10 * Math.max(1, Math.abs(lp)), 'gradient code and value code agree');
  for (let i = 0; i < m.dim; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(th[i]));
    const a = Float64Array.from(th), b = Float64Array.from(th);
    a[i] += h;
    b[i] -= h;
    const fd = (m.logDensity(a) - m.logDensity(b)) / (2 * h);
    assert.ok(Math.abs(fd - g[i]) <= 1e-5 * Math.max(1, Math.abs(fd)), `coordinate ${i} (${m.unconstrainedNames[i]}): ${g[i]} vs finite difference ${fd}`);
  }
}

export function logisticData(N: number, D: number) {
  const X = Array.from({ length: N }, (_, n) => Array.from({ length: D }, (_, d) => Math.sin(n * 1.3 + d * 2.1)));
  const y = X.map((_, n) => (Math.cos(n * 0.7) > 0 ? 1 : 0));
  return { N, D, X, y };
}
