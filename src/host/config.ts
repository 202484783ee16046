import * as vscode from 'vscode';

// The `vigil.check.*` settings, read fresh each time so changes apply without a reload.
export interface CheckSettings {
  // Check as the user types (debounced); when false, check on open and on save only.
  onType: boolean;
  debounceMs: number;
  // Report deprecated syntax (e.g. `real y[N]`) as warnings.
  deprecationWarnings: boolean;
}

export const checkSettingsSection = 'vigil.check';

export function readCheckSettings(scope?: vscode.ConfigurationScope): CheckSettings {
  const c = vscode.workspace.getConfiguration(checkSettingsSection, scope);
  const debounce = Number(c.get<number>('debounceMs', 300));
  return {
    onType: c.get<boolean>('onType', true),
    // Clamp to the range the schema declares; a hand-edited settings.json may hold anything.
    debounceMs: Number.isFinite(debounce) ? Math.min(Math.max(debounce, 0), 5000) : 300,
    deprecationWarnings: c.get<boolean>('deprecationWarnings', true),
  };
}
