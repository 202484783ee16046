// Stochastic volatility (after the Stan User's Guide, section "Stochastic volatility models"): returns
// y[t] ~ normal(0, exp(h[t] / 2)), where the log volatility h follows a stationary AR(1) around mu.
// The latent path is written non-centered: standardised innovations h_std, scaled and accumulated in
// transformed parameters, so the sampler does not face the funnel between sigma and h.
data {
  int<lower=0> T;
  vector[T] y;                             // mean-corrected returns
}
parameters {
  real mu;                                 // mean log volatility
  real<lower=-1, upper=1> phi;             // persistence of volatility
  real<lower=0> sigma;                     // sd of the log-volatility innovations
  vector[T] h_std;                         // standardised innovations
}
transformed parameters {
  vector[T] h = h_std * sigma;             // log volatility
  h[1] /= sqrt(1 - square(phi));
  h += mu;
  for (t in 2:T) {
    h[t] += phi * (h[t - 1] - mu);
  }
}
model {
  mu ~ normal(0, 5);
  // (phi + 1) / 2 ~ beta(20, 1.5), the persistence prior of Kim, Shephard and Chib (1998): a linear
  // change of variable, so its Jacobian is a constant.
  target += beta_lpdf((phi + 1) / 2 | 20, 1.5);
  sigma ~ normal(0, 1);                    // half-normal
  h_std ~ std_normal();
  y ~ normal(0, exp(h / 2));
}
