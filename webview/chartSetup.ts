// Registers only the Chart.js pieces the panel uses (keeps dist/webview.js small), no animation.
import {
  Chart, Filler, Legend, LinearScale, LogarithmicScale, LineController, LineElement, PointElement, ScatterController, Tooltip,
} from 'chart.js';
import type { Theme } from './theme';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Filler, Legend, Tooltip);

export function applyTheme(theme: Theme): void {
  Chart.defaults.animation = false;
  Chart.defaults.color = theme.foreground;
  Chart.defaults.borderColor = theme.grid;
  Chart.defaults.font.family = theme.fontFamily;
  Chart.defaults.font.size = 11;
  Chart.defaults.maintainAspectRatio = false;
}

export { Chart };
