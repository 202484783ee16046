// Plain-text tables for the benchmark output: the first column left-aligned, the others right-aligned.
export function printTable(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))));
  const widths = headers.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  const line = (r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

export const fix = (x, d = 2) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : x.toFixed(d));
export const sig = (x, d = 3) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : Number(x.toPrecision(d)).toString());
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
export const section = (title) => console.log(`\n=== ${title} ===`);
