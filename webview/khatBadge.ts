// The Pareto k̂ badge: value, threshold, verdict colour and the one-sentence explanation as a tooltip.
import type { PanelState } from '../src/report/panelState';
import { el, fmt } from './dom';

export function khatBadge(khat: PanelState['khat']): HTMLElement {
  if (!khat) return el('span', { class: 'badge muted', id: 'khat' }, 'k̂ —');
  const cls = khat.verdict === 'high' ? 'bad' : khat.verdict === 'ok' ? 'ok' : 'muted';
  const text = `k̂ ${fmt(khat.value, 2)}${khat.threshold !== null ? ` (threshold ${fmt(khat.threshold, 2)})` : ''}`;
  return el('span', { class: `badge ${cls}`, id: 'khat', title: khat.explanation }, text);
}
