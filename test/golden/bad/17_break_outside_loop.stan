parameters {
  real mu;
}
model {
  if (mu > 0) {
    break;
  }
  mu ~ normal(0, 1);
}
