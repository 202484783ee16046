// Radon: varying intercepts, partial pooling, vectorised likelihood with multi-indexing.
data {
  int<lower=1> N;
  int<lower=1> J;
  array[N] int<lower=1, upper=J> county;
  vector[N] x;
  vector[N] y;
}
parameters {
  real mu_a;
  real<lower=0> sigma_a;
  vector<offset=mu_a, multiplier=sigma_a>[J] a;
  real b;
  real<lower=0> sigma_y;
}
model {
  mu_a ~ normal(0, 10);
  sigma_a ~ normal(0, 2);
  a ~ normal(mu_a, sigma_a);
  b ~ normal(0, 10);
  sigma_y ~ normal(0, 2);
  y ~ normal(a[county] + b * x, sigma_y);
}
generated quantities {
  vector[N] y_rep;
  for (n in 1:N) {
    y_rep[n] = normal_rng(a[county[n]] + b * x[n], sigma_y);
  }
}
