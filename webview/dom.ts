// Tiny DOM helpers: elements built with textContent only (never innerHTML), so no data can inject markup.
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    // Through the CSSOM: a strict CSP blocks style attributes but not this.
    else if (k === 'style') e.style.cssText = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toString();
}

export function section(id: string, title: string): { root: HTMLElement; body: HTMLElement } {
  const body = el('div', { class: 'body' });
  const root = el('section', { id, class: 'card' }, el('h2', {}, title), body);
  return { root, body };
}
