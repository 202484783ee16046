// No allocation per evaluation on the hot path of scalar models: bytes allocated per gradient (and
// value) evaluation, measured over 100k evaluations (allocationHarness.ts). 16 bytes is the boxed
// number returned by any non-inlined call (a hand-written gradient measures the same); a per-call
// array (a Float64Array costs >= 80 bytes) breaks the bound.
import assert from 'node:assert/strict';
import test from 'node:test';
import { compileModel } from '../../src/core/codegen/loadModel';
import { allocationModels, bytesPerCall } from './allocationHarness';

function model(i: number) {
  const { src, data } = allocationModels[i];
  const r = compileModel(src, data);
  assert.ok(r.ok);
  if (!r.ok) throw new Error('compile');
  return r.model;
}

test('the measurement sees a per-call allocation (the test can fail)', () => {
  const bytes = bytesPerCall(() => new Float64Array(8), 20000);
  assert.ok(bytes >= 64, `measured ${bytes} bytes for a Float64Array(8) per call`);
});

test('eight schools: no allocation per gradient or value evaluation (< 64 bytes on average over 100k)', () => {
  const m = model(0);
  const th = Float64Array.from({ length: m.dim }, (_, i) => Math.sin(i + 1) * 0.5);
  const g = new Float64Array(m.dim);
  const bg = bytesPerCall(() => m.logDensityGradient(th, g), 100000);
  const bv = bytesPerCall(() => m.logDensity(th), 100000);
  assert.ok(bg < 64, `gradient: ${bg} bytes per evaluation`);
  assert.ok(bv < 64, `value: ${bv} bytes per evaluation`);
});

test('a loop model on the tape: no per-evaluation arrays (< 512 bytes on average over 100k)', () => {
  // Library kernels called through the family table return boxed numbers (16 bytes each, a few per
  // element here); arrays or tape growth per call would exceed the bound.
  const m = model(1);
  const th = Float64Array.from({ length: m.dim }, (_, i) => Math.sin(i + 1) * 0.5);
  const g = new Float64Array(m.dim);
  const bg = bytesPerCall(() => m.logDensityGradient(th, g), 100000);
  assert.ok(bg < 512, `gradient: ${bg} bytes per evaluation`);
});
