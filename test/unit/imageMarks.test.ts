// Variables marked as images: the `// @vigil image RxC` comment parser (and the vigil.panel.images
// setting), and the heatmap data the panel state carries for a real comparison of examples/digits_zero.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCompare } from '../../src/core/pipeline';
import { findImageMarks, parseImageSize } from '../../src/core/stan/imageMarks';
import { parseProgram } from '../../src/core/stan/parser';
import { buildPanelState } from '../../src/report/buildPanelState';
import { IMAGE_DRAWS } from '../../src/report/panelImages';

const root = path.resolve(__dirname, '../../..');
const marksOf = (source: string, setting: Record<string, string> = {}) => findImageMarks(source, parseProgram(source).program, setting);

test('parseImageSize reads RxC and rejects the rest', () => {
  assert.deepEqual(parseImageSize('8x8'), [8, 8]);
  assert.deepEqual(parseImageSize(' 28 × 14 '), [28, 14]);
  assert.deepEqual(parseImageSize('3X4'), [3, 4]);
  assert.equal(parseImageSize('8'), null);
  assert.equal(parseImageSize('0x8'), null);
  assert.equal(parseImageSize('axb'), null);
});

test('digits_zero marks x0, theta and x_sim by comment, with their blocks and declarations', () => {
  const source = readFileSync(path.join(root, 'examples/digits_zero.stan'), 'utf8');
  const { marks, diagnostics } = marksOf(source);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(marks.map((m) => [m.variable, m.rows, m.cols, m.block, m.origin]), [
    ['x0', 8, 8, 'data', 'comment'],
    ['theta', 8, 8, 'parameters', 'comment'],
    ['x_sim', 8, 8, 'generated quantities', 'comment'],
  ]);
  const theta = marks.find((m) => m.variable === 'theta')!;
  assert.equal(source.split('\n')[theta.span!.start.line - 1].trim().startsWith('vector<lower=0>[64] theta;'), true);
});

test('a comment alone on the line above marks the declaration; one above another declaration does not', () => {
  const source = [
    'parameters {',
    '  // @vigil image 2x3',
    '  vector[6] a;',
    '  vector[6] b; // @vigil image 3x2',
    '  vector[6] c;',
    '  matrix[2, 3] m; // @vigil   image 2x3 trailing words',
    '}',
    'model { a ~ normal(0, 1); b ~ normal(0, 1); c ~ normal(0, 1); }',
  ].join('\n');
  const { marks, diagnostics } = marksOf(source);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(marks.map((m) => `${m.variable}:${m.rows}x${m.cols}`), ['a:2x3', 'b:3x2', 'm:2x3']);
});

test('malformed or mismatched marks are warnings with a range, not marks', () => {
  const source = 'parameters {\n  vector[64] t; // @vigil image 8x9\n  vector[4] u; // @vigil image big\n}\nmodel { }\n';
  const { marks, diagnostics } = marksOf(source);
  assert.deepEqual(marks, []);
  assert.equal(diagnostics.length, 2);
  assert.match(diagnostics[0].message, /'t' has 64 elements per image, not 8x9 = 72/);
  assert.equal(diagnostics[0].span.start.line, 2);
  assert.equal(source.slice(diagnostics[0].span.start.offset, diagnostics[0].span.end.offset), '// @vigil image 8x9');
  assert.match(diagnostics[1].message, /rows x columns/);
  assert.ok(diagnostics.every((d) => d.severity === 'warning'));
});

test('the setting marks variables too and wins over a comment', () => {
  const source = 'parameters {\n  vector[6] a; // @vigil image 2x3\n  vector[4] b;\n}\nmodel { }\n';
  const { marks } = marksOf(source, { a: '3x2', b: '2x2', nope: '1x1', bad: 'x' });
  assert.deepEqual(marks.map((m) => [m.variable, m.rows, m.cols, m.origin, m.block]), [
    ['a', 3, 2, 'setting', 'parameters'], ['b', 2, 2, 'setting', 'parameters'], ['nope', 1, 1, 'setting', null],
  ]);
});

test('panel state of digits_zero (mean-field vs exact): theta and x_sim heatmaps, means and draws, row-major', async () => {
  const model = path.join(root, 'examples/digits_zero.stan');
  const data = path.join(root, 'examples/digits_zero.data.json');
  const source = readFileSync(model, 'utf8');
  const dataText = readFileSync(data, 'utf8');
  const run = await runCompare({
    model: { source, path: model }, data: { text: dataText, path: data }, method: 'meanfield', seed: 1, reference: { kind: 'exact' },
  });
  assert.ok(run.ok, JSON.stringify(!run.ok && run.errors));
  const report = run.value;
  const state = buildPanelState(report, { images: marksOf(source).marks });
  // x0 is data: no draws, no heatmap.
  assert.deepEqual(state.images?.map((i) => i.name), ['theta', 'x_sim']);
  const theta = state.images!.find((i) => i.name === 'theta')!;
  assert.equal(theta.images, 1);
  for (const side of [theta.approximation, theta.reference]) {
    assert.ok(side);
    assert.equal(side.length, 1 + IMAGE_DRAWS);
    assert.equal(side[0].kind, 'mean');
    for (const t of side) assert.equal(t.pixels.length, 64);
  }
  // Pixel (r, c) is theta[8 r + c + 1]: the mean tile is the summary mean, in that order.
  const exactMean = theta.reference![0].pixels;
  for (const p of [0, 9, 27, 63]) assert.ok(Math.abs(exactMean[p]! - report.reference!.summary[`theta[${p + 1}]`].mean) < 1e-9, `pixel ${p}`);
  // The exact posterior mean is (2 x0 + sum_m x[m]) / (2 + M): check the brightest and a dark pixel.
  const d = JSON.parse(dataText) as { M: number; x: number[][]; x0: number[] };
  const truth = (p: number) => (2 * d.x0[p] + d.x.reduce((s, row) => s + row[p], 0)) / (2 + d.M);
  for (const p of [0, 20, 36]) assert.ok(Math.abs(exactMean[p]! - truth(p)) < 0.05 * Math.max(1, truth(p)), `pixel ${p}: ${exactMean[p]} vs ${truth(p)}`);
  // The variational mean is close to the exact one (a conjugate model mean-field fits well).
  const viMean = theta.approximation![0].pixels;
  assert.ok(viMean.every((v, p) => Math.abs(v! - exactMean[p]!) < 0.5 + 0.15 * exactMean[p]!));
  // The draws are draws, not the mean.
  assert.notDeepEqual(theta.approximation![1].pixels, viMean);
  assert.ok(theta.min <= Math.min(...exactMean.map(Number)) && theta.max >= Math.max(...exactMean.map(Number)));

  const xs = state.images!.find((i) => i.name === 'x_sim')!;
  assert.equal(xs.images, 4);
  const tiles = xs.approximation!;
  assert.equal(tiles.length, 1 + IMAGE_DRAWS);
  assert.match(tiles[1].label, /^draw \d+ · x_sim\[1\]$/);
  assert.match(tiles[4].label, /^draw \d+ · x_sim\[4\]$/);
  // Simulated counts are integers; the tile of x_sim[k] at draw d reads x_sim[k, p] of that draw.
  const draw = Number(/^draw (\d+)/.exec(tiles[2].label)![1]) - 1;
  const fit = report.approximation;
  assert.deepEqual(tiles[2].pixels, Array.from({ length: 64 }, (_, p) => fit.draws[`x_sim[2,${p + 1}]`][draw]));
  assert.ok(tiles[2].pixels.every((v) => Number.isInteger(v)));
  // Plain JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(state.images)), state.images);
});

test('no marks, no images; a mark whose size does not fit the draws is skipped', () => {
  const source = readFileSync(path.join(root, 'examples/digits_zero.stan'), 'utf8');
  const marks = marksOf(source, { theta: '7x7' }).marks;
  const fit = {
    schema: 'vigil.result', version: 1, method: 'meanfield', seed: 1, chains: 1, model: { file: 'm.stan', hash: '' }, data: { file: null, hash: null },
    draws: Object.fromEntries(Array.from({ length: 64 }, (_, p) => [`theta[${p + 1}]`, [p, p + 1]])),
    names: { parameters: Array.from({ length: 64 }, (_, p) => `theta[${p + 1}]`), transformedParameters: [], generatedQuantities: [] },
    summary: {}, elbo: [], stopReason: '', stopCode: 'stationary', ok: true, khat: null, khatThreshold: null, timing: { seconds: 0 }, gradientEvaluations: 0,
  } as const;
  const plain = structuredClone(fit) as unknown as Parameters<typeof buildPanelState>[0];
  assert.deepEqual(buildPanelState(plain).images, []);
  assert.deepEqual(buildPanelState(plain, { images: marks }).images, []);
  // With the right size, the mean of draws [p, p+1] is p + 0.5 at pixel p.
  const ok = buildPanelState(plain, { images: marksOf(source).marks }).images!;
  assert.deepEqual(ok.map((i) => i.name), ['theta']);
  assert.deepEqual(ok[0].approximation![0].pixels.slice(0, 3), [0.5, 1.5, 2.5]);
  assert.equal(ok[0].reference, null);
});
