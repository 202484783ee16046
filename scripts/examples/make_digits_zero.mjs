// Writes examples/digits_zero.data.json: the 178 images of the digit zero from the UCI optical digits
// (scikit-learn's copy, ../shared/data/digits.csv.gz beside the repository: 1797 rows of 64 pixel
// counts 0-16, an 8x8 image row by row, then the label), plus x0, a prior "average zero" drawn by hand
// (an elliptical ring), not computed from the data.
//   node scripts/examples/make_digits_zero.mjs [path/to/digits.csv.gz]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { examplePath, repoRoot as root, writeDataJson } from './writeDataJson.mjs';

// Default: the team's shared data folder beside the repository (/work/shared here).
const source = process.argv[2] ?? path.resolve(root, '../shared/data/digits.csv.gz');
const out = examplePath('digits_zero.data.json');

const rows = gunzipSync(readFileSync(source)).toString('utf8').trim().split('\n');
const x = [];
for (const line of rows) {
  const cells = line.split(',').map(Number);
  if (cells.length !== 65 || cells.some((c) => !Number.isInteger(c) || c < 0 || c > 16)) {
    throw new Error(`unexpected row in ${source}: ${line}`);
  }
  if (cells[64] === 0) x.push(cells.slice(0, 64));
}

// Domain knowledge, not data: a zero is a tall elliptical ring in the middle of the 8x8 grid, written in
// strokes about one pixel wide with counts up to ~12, on a faint background. Pixel (r, c), 0-based, sits
// at distance d from the centre in units of the ellipse's semi-axes (3 rows tall, 1.9 columns wide);
// the ink falls off with |d - 1|. The floor keeps the prior shape a = 2 * x0 positive everywhere.
const PEAK = 12;
const WIDTH = 0.3;
const FLOOR = 0.5;
const x0 = [];
for (let r = 0; r < 8; r++) {
  for (let c = 0; c < 8; c++) {
    const d = Math.hypot((r - 3.5) / 3, (c - 3.5) / 1.9);
    x0.push(Number((FLOOR + PEAK * Math.exp(-0.5 * ((d - 1) / WIDTH) ** 2)).toFixed(2)));
  }
}

writeDataJson(out, { M: x.length, x, x0 });
console.log(`wrote ${path.relative(root, out)}: M = ${x.length} images of the digit zero, prior image x0:`);
for (let r = 0; r < 8; r++) console.log('  ' + x0.slice(8 * r, 8 * r + 8).map((v) => v.toFixed(1).padStart(5)).join(''));
