import type { UnivariateFamily } from './family';
import { normal } from './distributions/normal';
import { stdNormal } from './distributions/stdNormal';
import { studentT } from './distributions/studentT';
import { cauchy } from './distributions/cauchy';
import { doubleExponential } from './distributions/doubleExponential';
import { logistic } from './distributions/logistic';
import { lognormal } from './distributions/lognormal';
import { exponential } from './distributions/exponential';
import { gamma } from './distributions/gamma';
import { invGamma } from './distributions/invGamma';
import { weibull } from './distributions/weibull';
import { frechet } from './distributions/frechet';
import { chiSquare } from './distributions/chiSquare';
import { invChiSquare } from './distributions/invChiSquare';
import { scaledInvChiSquare } from './distributions/scaledInvChiSquare';
import { beta } from './distributions/beta';
import { betaProportion } from './distributions/betaProportion';
import { uniform } from './distributions/uniform';
import { pareto } from './distributions/pareto';
import { vonMises } from './distributions/vonMises';
import { poisson } from './distributions/poisson';
import { poissonLog } from './distributions/poissonLog';
import { binomial } from './distributions/binomial';
import { binomialLogit } from './distributions/binomialLogit';
import { bernoulli } from './distributions/bernoulli';
import { bernoulliLogit } from './distributions/bernoulliLogit';
import { negBinomial } from './distributions/negBinomial';
import { negBinomial2 } from './distributions/negBinomial2';
import { negBinomial2Log } from './distributions/negBinomial2Log';
import { betaBinomial } from './distributions/betaBinomial';

/** Every univariate family, keyed by its Stan name ('normal' serves normal_lpdf, normal_lupdf, normal_lcdf, normal_rng, ...). */
export const univariateFamilies: ReadonlyMap<string, UnivariateFamily> = new Map(
  [
    normal, stdNormal, studentT, cauchy, doubleExponential, logistic, lognormal, exponential, gamma, invGamma, weibull, frechet,
    chiSquare, invChiSquare, scaledInvChiSquare, beta, betaProportion, uniform, pareto, vonMises, poisson, poissonLog, binomial,
    binomialLogit, bernoulli, bernoulliLogit, negBinomial, negBinomial2, negBinomial2Log, betaBinomial,
  ].map((f) => [f.name, f] as [string, UnivariateFamily]),
);

/** Suffixes of the Stan function names a family provides. */
export type FamilySuffix = 'lpdf' | 'lupdf' | 'lpmf' | 'lupmf' | 'lcdf' | 'lccdf' | 'rng';

/**
 * Resolves a Stan function name ('normal_lupdf', 'poisson_log_rng') to its family and suffix,
 * or undefined. The longest family name wins ('poisson_log_lpmf' is poisson_log, not poisson).
 */
export function lookupDistributionFunction(stanName: string): { family: UnivariateFamily; suffix: FamilySuffix } | undefined {
  const cut = stanName.lastIndexOf('_');
  if (cut < 0) return undefined;
  const suffix = stanName.slice(cut + 1) as FamilySuffix;
  const family = univariateFamilies.get(stanName.slice(0, cut));
  if (!family) return undefined;
  switch (suffix) {
    case 'lpdf':
    case 'lupdf':
      return family.discrete ? undefined : { family, suffix };
    case 'lpmf':
    case 'lupmf':
      return family.discrete ? { family, suffix } : undefined;
    case 'lcdf':
      return family.lcdf ? { family, suffix } : undefined;
    case 'lccdf':
      return family.lccdf ? { family, suffix } : undefined;
    case 'rng':
      return { family, suffix };
    default:
      return undefined;
  }
}
