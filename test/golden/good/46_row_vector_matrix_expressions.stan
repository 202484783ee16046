transformed data {
  row_vector[3] r = [1, 2, 3];
  vector[3] v = [1, 2, 3]';
  matrix[2, 2] m = [[1, 2], [3, 4]];
  complex_row_vector[2] cr = [1 + 2i, 3];
}
parameters {
  real mu;
}
model {
  mu ~ normal(sum(r) + sum(v) + sum(m), 1);
}
