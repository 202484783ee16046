parameters {
  real mu;
}
transformed parameters {
  real z = mu + exponential_rng(1);
}
model {
  mu ~ normal(0, 1);
}
