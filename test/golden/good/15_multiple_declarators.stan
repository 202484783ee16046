transformed data {
  real a, b = 2.0, c;
  int i = 1, j;
  a = b;
  c = a + b;
  j = i;
}
parameters {
  real mu;
}
model {
  mu ~ normal(c, j);
}
