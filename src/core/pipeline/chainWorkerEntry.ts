// The bundled NUTS chain worker (dist/chainWorker.js): registers the Stan target factory, then serves
// chains. The registration must run before the chain worker module starts serving, hence the order.
import { registerTargetFactory } from '../infer/nuts/targetFactory';
import { createStanTarget, STAN_TARGET_FACTORY } from './stanTargetFactory';

registerTargetFactory(STAN_TARGET_FACTORY, createStanTarget);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../infer/nuts/chainWorker');
