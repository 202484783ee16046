data {
  int<lower=1> N;
  vector[N] x;
  matrix[N, N] M;
}
transformed data {
  row_vector[N] xt = x';
  real xx = x' * x;
  matrix[N, N] Mt = M';
  real q = x' * M' * x;
}
parameters {
  real mu;
}
model {
  mu ~ normal(xx + q, 1);
}
