data {
  int<lower=1> N;
  matrix[N, N] A;
  vector[N] b;
}
transformed data {
  vector[N] x = A \ b;
  matrix[N, N] B = A \ A;
}
parameters {
  real mu;
}
model {
  mu ~ normal(sum(x) + sum(B), 1);
}
