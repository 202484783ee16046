/** Numbers as the messages print them. */

/** 0.4567 → "46%". */
export function percent(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)}%` : String(x);
}

/** Fixed decimals, with a sign when asked: fixed(0.531, 2, true) → "+0.53". */
export function fixed(x: number, digits = 2, signed = false): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  return signed && x >= 0 ? `+${s}` : s;
}

/** Three significant digits without exponent for ordinary magnitudes: 1.0234 → "1.02", 1520.4 → "1520". */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return String(Math.round(x));
  if (a === 0) return '0';
  return String(Number(x.toPrecision(3)));
}

/** "1 element" / "3 elements". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
