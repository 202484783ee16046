functions {
  real count_lpdf(int k, real lambda) {
    return poisson_lpmf(k | lambda);
  }
}
data {
  int<lower=0> k;
}
parameters {
  real<lower=0> lambda;
}
model {
  target += count_lpdf(k | lambda);
}
