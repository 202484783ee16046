// The summary table: sortable by any column (default: severity), filterable by name, and rendered
// only up to a page of rows so 1000+ names stay fast.
import type { TableRow } from '../src/report/panelState';
import { el, fmt } from './dom';

const pageSize = 200;
type Key = 'name' | 'severity' | 'aMean' | 'aSd' | 'rMean' | 'rSd' | 'sdRatio' | 'sme';
const sevRank = { error: 3, warning: 2, info: 1 } as const;

const columns: { key: Key; label: string; value: (r: TableRow) => number | string | null }[] = [
  { key: 'severity', label: '', value: (r) => (r.severity ? sevRank[r.severity] : 0) },
  { key: 'name', label: 'name', value: (r) => r.name },
  { key: 'aMean', label: 'mean', value: (r) => r.approximation?.mean ?? null },
  { key: 'aSd', label: 'sd', value: (r) => r.approximation?.sd ?? null },
  { key: 'rMean', label: 'ref mean', value: (r) => r.reference?.mean ?? null },
  { key: 'rSd', label: 'ref sd', value: (r) => r.reference?.sd ?? null },
  { key: 'sdRatio', label: 'sd ratio', value: (r) => r.sdRatio },
  { key: 'sme', label: 'std. mean error', value: (r) => r.standardizedMeanError },
];

export function summaryTable(rows: TableRow[]): HTMLElement {
  let sortKey: Key = 'severity';
  let descending = true;
  const filter = el('input', { type: 'search', placeholder: 'Filter by name', class: 'filter', 'aria-label': 'Filter the table by name' });
  const tbody = el('tbody');
  const note = el('p', { class: 'muted' });
  const head = el('tr');
  for (const c of columns) {
    const th = el('th', { 'data-key': c.key, role: 'button', tabindex: '0' }, c.label);
    const sortBy = () => {
      descending = sortKey === c.key ? !descending : c.key !== 'name';
      sortKey = c.key;
      draw();
    };
    th.addEventListener('click', sortBy);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sortBy(); });
    head.append(th);
  }
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const col = columns.find((c) => c.key === sortKey)!;
    const order = new Map(rows.map((r, i) => [r, i]));
    const matching = rows.filter((r) => r.name.toLowerCase().includes(q));
    matching.sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      let d = 0;
      if (va === null || vb === null) d = va === null ? (vb === null ? 0 : 1) : -1;
      else d = (typeof va === 'string' ? va.localeCompare(String(vb)) : va - (vb as number)) * (descending ? -1 : 1);
      return d !== 0 ? d : order.get(a)! - order.get(b)!;
    });
    tbody.replaceChildren(...matching.slice(0, pageSize).map(row));
    note.textContent = matching.length > pageSize ? `Showing ${pageSize} of ${matching.length} rows; filter by name to narrow.` : `${matching.length} of ${rows.length} names`;
    for (const th of head.children) (th as HTMLElement).dataset.sorted = (th as HTMLElement).dataset.key === sortKey ? (descending ? 'desc' : 'asc') : '';
  };
  filter.addEventListener('input', draw);
  draw();
  return el('div', {}, filter, el('div', { class: 'table-wrap' }, el('table', { class: 'summary' }, el('thead', {}, head), tbody)), note);
}

function row(r: TableRow): HTMLElement {
  const icon = r.severity === 'error' ? '⛔' : r.severity === 'warning' ? '⚠' : r.severity === 'info' ? 'ℹ' : '';
  return el('tr', { class: r.severity ?? '' },
    el('td', {}, icon), el('td', { class: 'name' }, r.name),
    el('td', {}, fmt(r.approximation?.mean)), el('td', {}, fmt(r.approximation?.sd)),
    el('td', {}, fmt(r.reference?.mean)), el('td', {}, fmt(r.reference?.sd)),
    el('td', {}, fmt(r.sdRatio, 2)), el('td', {}, fmt(r.standardizedMeanError, 2)));
}
