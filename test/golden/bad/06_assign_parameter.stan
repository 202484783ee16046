parameters {
  real mu;
}
model {
  mu = 3;
  mu ~ normal(0, 1);
}
