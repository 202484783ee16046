parameters {
  real mu;
}
model {
  mu ~ normal(0, 1);
}
generated quantities {
  int K = 3;
  vector[K] draws;
  for (k in 1:K) {
    draws[k] = normal_rng(mu, 1);
  }
}
