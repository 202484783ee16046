data {
  int<lower=0> N;
  matrix[N, N] Y;
}
parameters {
  real mu;
}
model {
  target += normal_lpdf(Y | mu, 1);
}
