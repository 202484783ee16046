data {
  int<lower=2> N;
  matrix[N, N] M;
}
transformed data {
  row_vector[N] r = M[1, :];
  vector[N] c = M[:, 2];
  vector[N] c2 = M[, 2];
  matrix[2, 2] block = M[1:2, 1:2];
  matrix[N, 2] cols = M[:, 1:2];
}
parameters {
  real mu;
}
model {
  mu ~ normal(sum(r) + sum(c) + sum(c2) + sum(block) + sum(cols), 1);
}
