data {
  int<lower=0> N;
}
parameters {
  real mu;
  real<lower=0> sigma;
}
model {
  mu ~ normal(0, 1);
  sigma ~ exponential(1);
}
generated quantities {
  array[N] real y_rep;
  int k = poisson_rng(3.5);
  for (n in 1:N) {
    y_rep[n] = normal_rng(mu, sigma);
  }
}
