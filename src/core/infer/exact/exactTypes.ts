// The public result types of exact posteriors (see exactPosterior.ts).
import type { Rng } from '../rng';

export interface ExactParameterSummary {
  mean: number; // NaN when the posterior mean does not exist (e.g. Student t with ν ≤ 1)
  sd: number; // NaN when it does not exist
  q5: number;
  q50: number;
  q95: number;
  // Conjugate only: the closed-form marginal, e.g. { family: 'gamma', params: { alpha, beta }, text: 'gamma(12, 3.5)' }.
  posterior?: { family: string; params: Record<string, number>; text: string };
  // Log density of the marginal at x (conjugate: closed form; quadrature: interpolated, normalised).
  logDensity?: (x: number) => number;
  // The marginal density on a grid for plots (x increasing, y the density), on the constrained scale.
  // Absent for quadrature outputs that depend on both coordinates.
  density?: { x: Float64Array; y: Float64Array };
}

export interface ExactPosteriorOk {
  ok: true;
  kind: 'conjugate' | 'quadrature';
  // Why this posterior is exact and what it is, in a paragraph a user can follow.
  explanation: string;
  // Flattened parameter names (`theta[2]`, row-major within a variable, variables in declaration order).
  names: string[];
  parameters: Record<string, ExactParameterSummary>;
  // Shape of each parameter variable (for drawToJson: rebuilding CmdStan-JSON values to pass to
  // CompiledModel.unconstrain, then writeArray for transformed parameters and generated quantities).
  shapes: Record<string, number[]>;
  // n joint draws from the exact posterior (quadrature: by inverse CDF on the gridded marginals), per
  // flattened name; reproducible from the rng's seed.
  draw(n: number, rng: Rng): Record<string, Float64Array>;
  // Quadrature only: estimated relative error of the normalising constant and the means.
  estimatedError?: number;
}

export interface ExactPosteriorFailure {
  ok: false;
  // Why no exact posterior applies, in words (one sentence per reason joined).
  reason: string;
  reasons: string[];
}

export type ExactPosteriorResult = ExactPosteriorOk | ExactPosteriorFailure;
