parameters {
  real mu;
}
transformed parameters {
  real nu = 2 * mu;
  nu ~ normal(0, 1);
}
model {
  mu ~ normal(0, 1);
}
