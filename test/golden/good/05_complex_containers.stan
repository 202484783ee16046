data {
  int<lower=1> N;
}
transformed data {
  complex_vector[N] cv = rep_vector(to_complex(1, 0), N);
  complex_row_vector[N] crv = rep_row_vector(to_complex(0, 1), N);
  complex_matrix[N, N] cm = rep_matrix(to_complex(1, 1), N, N);
}
parameters {
  real mu;
}
model {
  mu ~ normal(0, 1);
}
