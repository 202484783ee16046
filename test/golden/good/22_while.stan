transformed data {
  int n = 0;
  real s = 1;
  while (s < 100) {
    s *= 2;
    n += 1;
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(n, s);
}
