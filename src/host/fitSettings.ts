// The `vigil.fit.*`, `vigil.reference.*` and `vigil.warnings.*` settings, read fresh for every run.
import * as vscode from 'vscode';
import type { FitOptions, ReferenceRequest, VariationalMethod } from '../protocol';

export interface FitSettings {
  method: VariationalMethod | 'ask';
  algorithm: 'robust' | 'stan';
  seed: number;
  draws: number;
  referenceKind: 'auto' | 'exact' | 'nuts' | 'ask';
  // NUTS reference: warm-up and kept draws per chain.
  referenceWarmup: number;
  referenceDraws: number;
  thresholds: { sdRatioLow: number; sdRatioHigh: number; meanError: number };
  onSave: boolean;
}

export function readFitSettings(scope?: vscode.ConfigurationScope): FitSettings {
  const c = vscode.workspace.getConfiguration('vigil', scope);
  const num = (key: string, dflt: number, lo: number, hi: number) => {
    const v = Number(c.get<number>(key, dflt));
    return Number.isFinite(v) ? Math.min(Math.max(v, lo), hi) : dflt;
  };
  const method = c.get<string>('fit.method', 'meanfield');
  const kind = c.get<string>('reference.kind', 'auto');
  return {
    method: (['meanfield', 'fullrank', 'pathfinder', 'ask'].includes(method) ? method : 'meanfield') as FitSettings['method'],
    algorithm: c.get<string>('fit.algorithm', 'robust') === 'stan' ? 'stan' : 'robust',
    seed: Math.round(num('fit.seed', 1, 0, 2 ** 31 - 1)),
    draws: Math.round(num('fit.draws', 1000, 10, 100_000)),
    referenceKind: (['auto', 'exact', 'nuts', 'ask'].includes(kind) ? kind : 'auto') as FitSettings['referenceKind'],
    referenceWarmup: Math.round(num('reference.warmup', 1000, 50, 100_000)),
    referenceDraws: Math.round(num('reference.draws', 1000, 50, 100_000)),
    thresholds: {
      sdRatioLow: num('warnings.sdRatioLow', 0.8, 0, 1),
      sdRatioHigh: num('warnings.sdRatioHigh', 1.25, 1, 100),
      meanError: num('warnings.meanError', 0.25, 0, 100),
    },
    onSave: c.get<boolean>('fit.onSave', false),
  };
}

export function fitOptions(s: FitSettings): FitOptions {
  return { algorithm: s.algorithm, draws: s.draws };
}

/** Options of a NUTS reference (ignored by exact ones). */
export function referenceOptions(s: FitSettings): FitOptions {
  return { chains: 4, warmup: s.referenceWarmup, draws: s.referenceDraws };
}

/** The method: an explicit argument, else the setting, else (setting 'ask') a quick pick. */
export async function chooseMethod(s: FitSettings, given?: string): Promise<VariationalMethod | undefined> {
  if (given === 'meanfield' || given === 'fullrank' || given === 'pathfinder') return given;
  if (s.method !== 'ask') return s.method;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'meanfield', description: 'ADVI, mean-field Gaussian (fast; ignores correlations)' },
      { label: 'fullrank', description: 'ADVI, full-rank Gaussian (keeps correlations)' },
      { label: 'pathfinder', description: 'Pathfinder (L-BFGS path, multi-path importance resampling)' },
    ],
    { title: 'Vigil: variational method', placeHolder: 'Set vigil.fit.method to skip this question' },
  );
  return picked?.label as VariationalMethod | undefined;
}

/** The reference: an explicit argument, else the setting, else (setting 'ask') a quick pick. */
export async function chooseReference(s: FitSettings, given?: string): Promise<ReferenceRequest | undefined> {
  const kind = given ?? (s.referenceKind === 'ask' ? (await vscode.window.showQuickPick(
    [
      { label: 'auto', description: 'exact when the model allows it, else NUTS' },
      { label: 'exact', description: 'closed form or quadrature only' },
      { label: 'nuts', description: 'NUTS, 4 chains' },
    ],
    { title: 'Vigil: reference posterior', placeHolder: 'Set vigil.reference.kind to skip this question' },
  ))?.label : s.referenceKind);
  if (kind === 'auto' || kind === 'exact' || kind === 'nuts') return { kind };
  return undefined;
}
