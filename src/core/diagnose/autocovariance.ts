import { fft, nextPowerOfTwo } from './fft';
import { mean, variance } from './moments';

/**
 * Autocovariance of one chain at lags 0..N-1, as posterior's autocovariance: the FFT of the
 * centred, zero-padded chain (padding to at least 2N makes the circular correlation linear),
 * scaled so that lag 0 equals the biased variance var(x) (N - 1) / N. A constant chain gives
 * all zeros, as in posterior.
 */
export function autocovariance(x: Float64Array): Float64Array {
  const N = x.length;
  const varx = variance(x);
  if (varx === 0) return new Float64Array(N);
  const M = nextPowerOfTwo(2 * N);
  const re = new Float64Array(M);
  const im = new Float64Array(M);
  const m = mean(x);
  for (let i = 0; i < N; i++) re[i] = x[i] - m;
  fft(re, im);
  for (let i = 0; i < M; i++) {
    re[i] = re[i] * re[i] + im[i] * im[i];
    im[i] = 0;
  }
  fft(re, im, true);
  const out = new Float64Array(N);
  const scale = (varx * (N - 1)) / N / re[0];
  for (let i = 0; i < N; i++) out[i] = re[i] * scale;
  return out;
}
