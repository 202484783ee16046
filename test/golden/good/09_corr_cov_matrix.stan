data {
  int<lower=2> K;
  array[10] vector[K] y;
}
parameters {
  vector[K] mu;
  corr_matrix[K] Omega;
  cov_matrix[K] Sigma;
}
model {
  Omega ~ lkj_corr(2);
  y ~ multi_normal(mu, Sigma);
}
