// What the note of each example in examples/README.md says a comparison shows (seed 1, the default
// settings, a NUTS reference of 4 × 500 + 500 draws), as data: per variational method, which warnings
// appear and which do not, and the sd ratios the note gives. The same claims are held against the
// report of the pipeline (test/unit/exampleClaims.test.ts, with exampleClaimsAssert.ts) and against the
// diagnostics panel in VS Code (test/e2e/examples.test.ts). No imports but types: the UI tests load it.
import type { WarningKind } from '../../src/core/diagnose/compare';

export type Severity = 'error' | 'warning' | 'info';
export type Method = 'meanfield' | 'fullrank' | 'pathfinder';

export interface WarningClaim {
  kind: WarningKind;
  /** The variable named; null for a whole-fit warning; omitted: any. */
  parameter?: string | null;
  severity?: Severity;
}

export interface SdRatioClaim {
  /** Element names (beta[1]) or variables (theta: every element). */
  names: string[];
  lo: number;
  hi: number;
}

export interface RunClaims {
  /** Each of these appears. */
  warns: WarningClaim[];
  /** At least one warning of each group appears. */
  warnsOneOf?: WarningClaim[][];
  /** None of these appears. */
  absent: WarningClaim[];
  /** When given, no warning of any other kind appears. */
  onlyKinds?: WarningKind[];
  sdRatios?: SdRatioClaim[];
}

export interface ExampleNote {
  name: string;
  reference: 'exact' | 'nuts';
  runs: { method: Method; claims: RunClaims }[];
  /** Variables the panel draws as images (`// @vigil image` marks with draws to show). */
  images?: string[];
}

const CORRELATION: WarningClaim[] = [{ kind: 'mean-field-correlation' }, { kind: 'lost-correlation' }];
const REFERENCE_HEALTH: WarningClaim[] = [{ kind: 'reference-divergences' }, { kind: 'reference-rhat' }, { kind: 'reference-ess' }, { kind: 'reference-treedepth' }];
const on = (kind: WarningKind, ...parameters: string[]): WarningClaim[] => parameters.map((parameter) => ({ kind, parameter }));
const both = (claims: RunClaims): ExampleNote['runs'] => [{ method: 'meanfield', claims }, { method: 'fullrank', claims }];

export const exampleNotes: ExampleNote[] = [
  {
    name: 'normal_mean',
    reference: 'exact',
    runs: both({ warns: [], absent: [], onlyKinds: [], sdRatios: [{ names: ['w'], lo: 0.9, hi: 1.1 }] }),
  },
  {
    name: 'eight_schools_centered',
    reference: 'nuts',
    runs: both({
      warns: [...on('sd-ratio-low', 'tau'), ...on('funnel', 'theta'), { kind: 'reference-divergences' }],
      absent: [],
    }),
  },
  {
    name: 'eight_schools_noncentered',
    reference: 'nuts',
    runs: both({
      warns: [],
      absent: [{ kind: 'funnel' }, ...on('sd-ratio-high', 'tau'), ...CORRELATION],
      sdRatios: [
        { names: ['tau'], lo: 0.3, hi: 0.9 },
        { names: ['mu'], lo: 0.9, hi: 1.1 },
        { names: ['theta_tilde'], lo: 0.8, hi: 1.2 },
        { names: ['theta'], lo: 0.65, hi: 1.3 },
      ],
    }),
  },
  {
    name: 'logistic_correlated',
    reference: 'nuts',
    runs: [
      {
        method: 'meanfield',
        claims: {
          warns: [...on('sd-ratio-low', 'beta'), ...on('mean-field-correlation', 'beta')],
          absent: [{ kind: 'mean-error' }, ...on('sd-ratio-low', 'alpha')],
          sdRatios: [{ names: ['beta[1]', 'beta[2]'], lo: 0.35, hi: 0.55 }, { names: ['alpha', 'beta[3]'], lo: 0.75, hi: 1.1 }],
        },
      },
      {
        method: 'fullrank',
        claims: {
          warns: [],
          absent: [{ kind: 'sd-ratio-low' }, { kind: 'sd-ratio-high' }, { kind: 'mean-error' }, ...CORRELATION],
          // k̂ sits near its threshold and the stopping rule may give up: those are allowed, nothing else.
          onlyKinds: ['khat', 'not-converged'],
          sdRatios: [{ names: ['alpha', 'beta[3]'], lo: 0.8, hi: 1.1 }, { names: ['beta[1]', 'beta[2]'], lo: 0.85, hi: 1.1 }],
        },
      },
    ],
  },
  {
    name: 'ar1',
    reference: 'nuts',
    runs: both({ warns: [], absent: [], onlyKinds: ['khat', 'not-converged'], sdRatios: [{ names: ['mu', 'phi', 'sigma'], lo: 0.8, hi: 1.1 }] }),
  },
  {
    name: 'mixture_two_component',
    reference: 'nuts',
    runs: [
      {
        method: 'meanfield',
        claims: {
          warns: on('sd-ratio-low', 'mu'),
          absent: [...on('mean-error', 'mu', 'lambda'), ...CORRELATION, ...REFERENCE_HEALTH],
          sdRatios: [{ names: ['mu[1]'], lo: 0.35, hi: 0.6 }, { names: ['mu[2]'], lo: 1.15, hi: 1.4 }, { names: ['lambda'], lo: 0.85, hi: 1.05 }],
        },
      },
      {
        method: 'fullrank',
        claims: { warns: [], absent: REFERENCE_HEALTH, onlyKinds: ['not-converged'], sdRatios: [{ names: ['mu', 'sigma', 'lambda'], lo: 0.8, hi: 1.1 }] },
      },
    ],
  },
  {
    name: 'mixture_overlapping',
    reference: 'nuts',
    runs: [
      {
        method: 'meanfield',
        claims: {
          warns: [...on('sd-ratio-low', 'mu', 'sigma', 'lambda'), ...on('mean-error', 'mu', 'lambda'), { kind: 'mean-field-correlation' }],
          warnsOneOf: [REFERENCE_HEALTH],
          absent: [{ kind: 'sd-ratio-high' }],
          sdRatios: [{ names: ['mu', 'sigma', 'lambda'], lo: 0, hi: 0.8 }],
        },
      },
      {
        method: 'fullrank',
        claims: {
          warns: on('sd-ratio-low', 'mu', 'sigma', 'lambda'),
          absent: [{ kind: 'sd-ratio-high' }],
          sdRatios: [{ names: ['mu', 'sigma', 'lambda'], lo: 0, hi: 0.8 }],
        },
      },
    ],
  },
  {
    name: 'radon_hierarchical',
    reference: 'nuts',
    runs: [
      {
        method: 'meanfield',
        claims: {
          warns: [...on('sd-ratio-low', 'sigma_county'), ...on('mean-error', 'sigma_county', 'alpha')],
          absent: [{ kind: 'funnel' }, ...on('sd-ratio-high', 'sigma_county')],
          sdRatios: [{ names: ['sigma_county'], lo: 0, hi: 0.8 }, { names: ['mu_alpha', 'b_uranium', 'beta'], lo: 0.7, hi: 1.0 }],
        },
      },
      {
        method: 'fullrank',
        claims: {
          warns: on('sd-ratio-low', 'sigma_county'),
          absent: [{ kind: 'funnel' }, ...on('sd-ratio-high', 'sigma_county', 'alpha'), ...on('mean-error', 'mu_alpha', 'b_uranium', 'beta')],
          sdRatios: [{ names: ['sigma_county'], lo: 0, hi: 0.8 }, { names: ['mu_alpha', 'b_uranium', 'beta'], lo: 0.8, hi: 1.1 }],
        },
      },
    ],
  },
  {
    name: 'stochastic_volatility',
    reference: 'nuts',
    runs: [
      {
        method: 'pathfinder',
        claims: {
          warns: [{ kind: 'khat', severity: 'error' }, ...on('sd-ratio-low', 'mu', 'phi', 'sigma'), ...on('mean-error', 'sigma'), { kind: 'reference-divergences' }],
          absent: [{ kind: 'funnel' }],
        },
      },
      {
        method: 'meanfield',
        claims: {
          // iterates settle slowly if at all (seed 1: stationary after ~4,000 iterations); k̂ says the fit is poor
          warns: [{ kind: 'khat', severity: 'error' }, ...on('mean-error', 'mu', 'phi', 'sigma', 'h'), { kind: 'reference-divergences' }],
          warnsOneOf: [[...on('sd-ratio-low', 'h'), ...on('sd-ratio-high', 'h')]],
          absent: [{ kind: 'funnel' }],
        },
      },
    ],
  },
  {
    name: 'digits_zero',
    reference: 'exact',
    runs: [{ method: 'meanfield', claims: { warns: [], absent: [...CORRELATION, { kind: 'funnel' }, ...on('sd-ratio-low', 'x_sim'), ...on('sd-ratio-high', 'x_sim')] } }],
    images: ['theta', 'x_sim'],
  },
];

export function exampleNote(name: string): ExampleNote {
  const note = exampleNotes.find((n) => n.name === name);
  if (!note) throw new Error(`no note for the example ${name}`);
  return note;
}

export function claimsOf(name: string, method: Method): RunClaims {
  const run = exampleNote(name).runs.find((r) => r.method === method);
  if (!run) throw new Error(`the note of ${name} says nothing about ${method}`);
  return run.claims;
}

/** A warning as both tests see it: the report's CompareWarning, or a panel's warning item. */
export interface SeenWarning {
  kind: string;
  parameter: string | null;
  severity: string;
}

function matches(w: SeenWarning, c: WarningClaim): boolean {
  return w.kind === c.kind && (c.parameter === undefined || w.parameter === c.parameter) && (c.severity === undefined || w.severity === c.severity);
}

function describeClaim(c: WarningClaim): string {
  return `${c.severity ? `${c.severity} ` : ''}${c.kind}${c.parameter === undefined ? '' : c.parameter === null ? ' (whole fit)' : ` on ${c.parameter}`}`;
}

/**
 * The claims broken by the warnings and sd ratios seen ([] when all hold). `sdRatio(name)` returns the
 * sd ratios of a name or of every element of a variable ([] when there is none).
 */
export function brokenClaims(claims: RunClaims, warnings: SeenWarning[], sdRatio: (name: string) => number[]): string[] {
  const broken: string[] = [];
  for (const c of claims.warns) if (!warnings.some((w) => matches(w, c))) broken.push(`expected ${describeClaim(c)}`);
  for (const group of claims.warnsOneOf ?? []) {
    if (!warnings.some((w) => group.some((c) => matches(w, c)))) broken.push(`expected one of ${group.map(describeClaim).join(', ')}`);
  }
  for (const c of claims.absent) if (warnings.some((w) => matches(w, c))) broken.push(`expected no ${describeClaim(c)}`);
  if (claims.onlyKinds) {
    const extra = warnings.filter((w) => !claims.onlyKinds!.includes(w.kind as WarningKind));
    if (extra.length > 0) broken.push(`unexpected warnings ${extra.map((w) => `${w.kind}${w.parameter ? ` on ${w.parameter}` : ''}`).join(', ')}`);
  }
  for (const s of claims.sdRatios ?? []) {
    for (const name of s.names) {
      const ratios = sdRatio(name);
      if (ratios.length === 0) broken.push(`no sd ratio for ${name}`);
      const out = ratios.filter((r) => !(r >= s.lo && r <= s.hi));
      if (out.length > 0) broken.push(`sd ratio of ${name} ${out.map((r) => r.toFixed(2)).join(', ')} outside ${s.lo}-${s.hi}`);
    }
  }
  return broken;
}
