import type { BlockName } from '../../stan/ast';
import type { Span } from '../../stan/span';
import type { ApproximationMethod, ReferenceKind } from './compareInput';
import type { CompareThresholds } from './thresholds';

export interface MarginalSummary {
  mean: number;
  sd: number;
  q5: number;
  q50: number;
  q95: number;
}

/** The comparison of one flattened name. Numbers are NaN where a side is missing or degenerate. */
export interface ParameterMeasures {
  name: string;
  /** The Stan variable the name belongs to ('theta' for 'theta[3]'). */
  variable: string;
  /** The block that declares it, when the program is known. */
  block: BlockName | null;
  presentIn: 'both' | 'approximation' | 'reference';
  approximation: MarginalSummary | null;
  reference: MarginalSummary | null;
  /** (mean_q − mean_ref) / sd_ref */
  standardizedMeanError: number;
  /** sd_q / sd_ref */
  sdRatio: number;
  /** Empirical 1-Wasserstein distance between the two samples, over sd_ref. */
  wassersteinOverSd: number;
  /** Mass the approximation puts inside the reference's 5–95% interval (0.90 when they agree). */
  coverage90: number;
  /** Fraction of the reference's 5–95% interval overlapped by the approximation's 5–95% interval. */
  intervalOverlap90: number;
}

export interface CorrelationPair {
  a: string;
  b: string;
  reference: number;
  approximation: number;
  /** |ρ_ref| − |ρ_q| for lost pairs, |ρ_q| − |ρ_ref| for invented ones. */
  change: number;
}

export interface CorrelationReport {
  /** Names the matrices are over (parameters-block names when the program is known), in order. */
  names: string[];
  /** True when more names qualified than thresholds.maxCorrelationNames and the largest-variance ones were kept. */
  capped: boolean;
  /** Row-major correlation matrices (names × names); reference null without reference draws. */
  approximation: number[][];
  reference: number[][] | null;
  /** Largest |ρ_ref| − |ρ_q| first, at or above thresholds.lostCorrelation. */
  lost: CorrelationPair[];
  /** Largest |ρ_q| − |ρ_ref| first, at or above thresholds.lostCorrelation. */
  invented: CorrelationPair[];
}

export interface KhatReport {
  khat: number | null;
  threshold: number;
  draws: number;
  verdict: 'ok' | 'high' | 'unavailable';
  /** One sentence saying what the number means for this fit. */
  explanation: string;
}

export interface ReferenceHealth {
  kind: ReferenceKind;
  label: string;
  trustworthy: boolean;
  chains: number;
  drawsPerChain: number;
  /** Worst R̂ / ESS over the reference's names and where it is; null for exact references. */
  maxRhat: { value: number; name: string } | null;
  minEssBulk: { value: number; name: string } | null;
  minEssTail: { value: number; name: string } | null;
  divergences: number | null;
  treedepthSaturated: number | null;
  /** Names whose R̂/ESS were checked, of how many (fewer when computing them was capped). */
  checkedNames: number;
  totalNames: number;
  /** One plain sentence per problem found (empty when trustworthy). */
  problems: string[];
  /** "exact (closed form)" or "NUTS: 4 chains × 1000 draws, max R̂ 1.003, ...". */
  summary: string;
}

export interface FunnelFinding {
  /** The positive scale parameter (e.g. 'tau'). */
  scale: string;
  /** The group whose spread follows the scale (e.g. 'theta'), a parameters-block variable. */
  group: string;
  /** The location the group is centred on, as written ('mu'), or null when unknown. */
  location: string | null;
  /** Distribution of the group given location and scale ('normal'), or null when unknown. */
  distribution: string | null;
  /** corr(log scale, log mean_j |group_j − location|) over the reference draws. */
  correlation: number;
  /** The scale's sd ratio (NaN when not compared). */
  scaleSdRatio: number;
  /** The non-centered rewrite, e.g. "theta = mu + tau * theta_raw with theta_raw ~ std_normal()". */
  suggestion: string;
}

export interface JointReport {
  khat: KhatReport;
  correlation: CorrelationReport | null;
  reference: ReferenceHealth | null;
  funnels: FunnelFinding[];
  /** Names only the approximation has, and names only the reference has. */
  unmatched: { approximationOnly: string[]; referenceOnly: string[] };
}

export type WarningSeverity = 'info' | 'warning' | 'error';

export type WarningKind =
  | 'sd-ratio-low'
  | 'sd-ratio-high'
  | 'mean-error'
  | 'khat'
  | 'mean-field-correlation'
  | 'lost-correlation'
  | 'invented-correlation'
  | 'fit-correlation'
  | 'funnel'
  | 'not-converged'
  | 'reference-rhat'
  | 'reference-ess'
  | 'reference-divergences'
  | 'reference-treedepth'
  | 'unmatched-names'
  | 'no-reference';

export interface CompareWarning {
  /** The Stan variable(s) concerned ('tau'; 'x, y' for a pair across variables); null for whole-fit warnings. */
  parameter: string | null;
  /** The flattened elements concerned, worst first ('theta[3]'); empty for whole-fit warnings. */
  elements: string[];
  kind: WarningKind;
  severity: WarningSeverity;
  /** One plain sentence. */
  message: string;
  /** The values behind the message. */
  numbers: Record<string, number>;
  /** The declaration of `parameter` in the .stan file; null for joint warnings or without a program. */
  range: Span | null;
}

export interface CompareReport {
  method: ApproximationMethod;
  referenceKind: ReferenceKind | null;
  thresholds: CompareThresholds;
  parameters: ParameterMeasures[];
  joint: JointReport;
  /** Errors first, then warnings, then info. */
  warnings: CompareWarning[];
}
