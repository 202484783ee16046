data {
  int<lower=0> N;
  matrix[N, N] X;
}
parameters {
  real mu;
}
model {
  vector[N] v = rep_vector(0, N);
  v += X;
  mu ~ normal(0, 1);
}
