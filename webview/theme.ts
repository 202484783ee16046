// Colours from VS Code's theme variables (the HTML report defines the same variables for a light theme),
// read once per render so a theme switch redraws in the new colours.
export interface Theme {
  foreground: string;
  muted: string;
  grid: string;
  approximation: string;
  reference: string;
  error: string;
  warning: string;
  fontFamily: string;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export function readTheme(): Theme {
  return {
    foreground: cssVar('--vscode-foreground', '#333'),
    muted: cssVar('--vscode-descriptionForeground', '#777'),
    grid: cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.25)'),
    approximation: cssVar('--vscode-charts-orange', '#d18616'),
    reference: cssVar('--vscode-charts-blue', '#3794ff'),
    error: cssVar('--vscode-charts-red', '#f14c4c'),
    warning: cssVar('--vscode-charts-yellow', '#cca700'),
    fontFamily: cssVar('--vscode-font-family', 'system-ui, sans-serif'),
  };
}

/** `#rrggbb` or `rgb(...)` with an alpha, for bands and clouds. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color);
  if (rgb) {
    const [r, g, b] = rgb[1].split(',').map((s) => s.trim());
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  return color;
}
