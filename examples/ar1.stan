// First-order autoregression around a mean: y[t] = mu + phi * (y[t-1] - mu) + sigma * e[t], with the
// first value from the stationary distribution, normal(mu, sigma / sqrt(1 - phi^2)). |phi| < 1 keeps the
// process stationary, so it is the parameter's constraint.
data {
  int<lower=2> T;
  vector[T] y;
}
parameters {
  real mu;                                 // long-run mean
  real<lower=-1, upper=1> phi;             // autocorrelation at lag 1
  real<lower=0> sigma;                     // innovation sd
}
model {
  mu ~ normal(0, 10);
  phi ~ uniform(-1, 1);
  sigma ~ normal(0, 2);                    // half-normal
  y[1] ~ normal(mu, sigma / sqrt(1 - square(phi)));
  y[2:T] ~ normal(mu + phi * (y[1:(T - 1)] - mu), sigma);
}
