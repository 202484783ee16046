functions {
  tuple(real, int) pair(real x) {
    return (x, 1);
  }
}
data {
  tuple(real, array[2] int) td;
}
transformed data {
  tuple(real, int) p = pair(1.5);
  real a = p.1;
  int b = td.2[1];
}
parameters {
  real mu;
}
model {
  mu ~ normal(a + b, 1);
}
