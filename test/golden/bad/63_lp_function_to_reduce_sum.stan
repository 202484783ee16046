functions {
  real partial_lp(array[] real slice, int start, int end, real mu) {
    return normal_lpdf(slice | mu, 1);
  }
}
data {
  int<lower=0> N;
  array[N] real y;
}
parameters {
  real mu;
}
model {
  target += reduce_sum(partial_lp, y, 1, mu);
}
