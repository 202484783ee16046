parameters {
  real mu;
}
model {
  mu ~ normal(0, 1);
}
generated quantities {
  target += 1;
  real lp = target();
}
