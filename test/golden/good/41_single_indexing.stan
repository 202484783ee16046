data {
  int<lower=2> N;
  vector[N] v;
  matrix[N, N] M;
  array[N, N] real arr;
  array[N] vector[N] av;
}
transformed data {
  real a = v[1];
  real b = M[1, 2];
  real c = arr[2, 1];
  real d = av[1][2];
  real g = av[1, 2];
  row_vector[N] first_row = M[1];
}
parameters {
  real mu;
}
model {
  mu ~ normal(a + b + c + d + g + sum(first_row), 1);
}
