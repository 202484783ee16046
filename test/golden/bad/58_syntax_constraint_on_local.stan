parameters {
  real mu;
}
model {
  real<lower=0> s = 2;
  mu ~ normal(0, s);
}
