parameters {
  real mu;
}
model {
  real scale = 2;
  scale .*= 3;
  mu ~ normal(0, scale);
}
