data {
  int<lower=0> N;
  array[N] real y;
  vector[N] v;
  matrix[2, 2] m;
}
transformed data {
  real total = 0;
  for (yn in y) {
    total += yn;
  }
  for (vn in v) {
    total += vn;
  }
  for (x in m) {
    total += x;
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(total, 1);
}
