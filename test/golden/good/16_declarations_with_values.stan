data {
  int<lower=1> N;
}
transformed data {
  vector[N] ones = rep_vector(1, N);
  matrix[N, N] I = diag_matrix(ones);
  array[N] int idx = linspaced_int_array(N, 1, N);
  real total = sum(ones);
}
parameters {
  real mu;
}
model {
  mu ~ normal(total, 1);
}
