// The warnings, worst first; clicking one asks the host to reveal its declaration.
import type { PanelWarning } from '../src/report/panelState';
import { el } from './dom';

export function warningsList(warnings: PanelWarning[], reveal: ((w: PanelWarning) => void) | null): HTMLElement {
  if (warnings.length === 0) return el('p', { class: 'muted', id: 'no-warnings' }, 'No warnings.');
  const list = el('ul', { class: 'warnings' });
  for (const w of warnings) {
    const icon = w.severity === 'error' ? '⛔' : w.severity === 'warning' ? '⚠' : 'ℹ';
    const where = w.range ? ` (line ${w.range.start.line})` : '';
    const item = el('li', { class: `warning ${w.severity}`, 'data-kind': w.kind, 'data-parameter': w.parameter ?? '' },
      el('span', { class: 'icon' }, icon), ' ', el('span', { class: 'message' }, w.message), el('span', { class: 'muted' }, where));
    if (reveal && w.range) {
      item.classList.add('clickable');
      item.tabIndex = 0;
      item.title = 'Reveal the declaration';
      item.addEventListener('click', () => reveal(w));
      item.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(w); });
    }
    list.append(item);
  }
  return list;
}
