data {
  int<lower=1> N;
  int<lower=1> K;
  vector[N] v;
  row_vector[K] rv;
  matrix[N, K] X;
}
parameters {
  vector[K] beta;
}
model {
  beta ~ normal(0, 1);
  v ~ normal(X * beta, 1);
  target += normal_lpdf(rv | 0, 1);
}
