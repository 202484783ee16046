// The warnings, worst first (warnings about a parameter before whole-fit ones of the same severity);
// the first few shown, the rest behind "Show all". Clicking one asks the host to reveal its declaration.
import type { PanelWarning } from '../src/report/panelState';
import { el } from './dom';

const shownFirst = 5;
const rank = { error: 0, warning: 1, info: 2 } as const;

export function warningsList(warnings: PanelWarning[], reveal: ((w: PanelWarning) => void) | null): HTMLElement {
  if (warnings.length === 0) return el('p', { class: 'muted', id: 'no-warnings' }, 'No warnings.');
  const ordered = warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => rank[a.w.severity] - rank[b.w.severity] || Number(a.w.parameter === null) - Number(b.w.parameter === null) || a.i - b.i)
    .map((x) => x.w);
  const list = el('ul', { class: 'warnings' });
  ordered.forEach((w, i) => {
    const icon = w.severity === 'error' ? '⛔' : w.severity === 'warning' ? '⚠' : 'ℹ';
    const where = w.range ? ` (line ${w.range.start.line})` : '';
    const item = el('li', { class: `warning ${w.severity}${i >= shownFirst ? ' extra' : ''}`, 'data-kind': w.kind, 'data-parameter': w.parameter ?? '' },
      el('span', { class: 'icon' }, icon), ' ', el('span', { class: 'message' }, w.message), el('span', { class: 'muted' }, where));
    if (reveal && w.range) {
      item.classList.add('clickable');
      item.tabIndex = 0;
      item.title = 'Reveal the declaration';
      item.addEventListener('click', () => reveal(w));
      item.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(w); });
    }
    list.append(item);
  });
  if (ordered.length <= shownFirst) return list;
  list.classList.add('collapsed');
  const toggle = el('button', { class: 'link', type: 'button' }, `Show all ${ordered.length} warnings`);
  toggle.addEventListener('click', () => {
    const collapsed = list.classList.toggle('collapsed');
    toggle.textContent = collapsed ? `Show all ${ordered.length} warnings` : 'Show fewer';
  });
  return el('div', {}, list, toggle);
}
