import { NutsSampler } from './nutsSampler';
import { PhasePoint } from './phasePoint';

const LOG_08 = Math.log(0.8);

/**
 * Stan's step-size heuristic (base_hmc::init_stepsize): from the current point, double or halve
 * the step until one leapfrog step's acceptance crosses 0.8. Leaves sampler.z as it found it.
 * Returns an error message when the posterior looks improper or no step is small enough.
 */
export function initStepsize(sampler: NutsSampler, scratch: PhasePoint): string | null {
  const { ham, rng, z } = sampler;
  if (z.dim === 0) {
    sampler.stepsize = NaN;
    return null;
  }
  let eps = sampler.stepsize;
  if (eps === 0 || eps > 1e7 || Number.isNaN(eps)) return null;
  const init = scratch;
  init.copyFrom(z);

  const deltaH = (): number => {
    z.copyFrom(init);
    ham.metric.sampleMomentum(rng, z.p);
    const H0 = ham.energy(z);
    ham.leapfrog(z, eps);
    return H0 - ham.energy(z);
  };

  const direction = deltaH() > LOG_08 ? 1 : -1;
  let message: string | null = null;
  for (;;) {
    const d = deltaH();
    if (direction === 1 && !(d > LOG_08)) break;
    if (direction === -1 && !(d < LOG_08)) break;
    eps = direction === 1 ? 2 * eps : 0.5 * eps;
    if (eps > 1e7) {
      message = 'Posterior is improper: the step size grew past 1e7 while searching for one with acceptance 0.8. Please check your model.';
      break;
    }
    if (eps === 0) {
      message = 'No acceptably small step size could be found. Perhaps the posterior is not continuous?';
      break;
    }
  }
  z.copyFrom(init);
  sampler.stepsize = eps;
  return message;
}
