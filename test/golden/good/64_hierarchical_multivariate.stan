data {
  int<lower=1> N;
  int<lower=1> K;
  int<lower=1> J;
  array[N] int<lower=1, upper=J> jj;
  matrix[N, K] x;
  vector[N] y;
}
parameters {
  matrix[K, J] z;
  cholesky_factor_corr[K] L_Omega;
  vector<lower=0>[K] tau;
  real<lower=0> sigma;
}
transformed parameters {
  matrix[K, J] beta = diag_pre_multiply(tau, L_Omega) * z;
}
model {
  to_vector(z) ~ std_normal();
  L_Omega ~ lkj_corr_cholesky(2);
  tau ~ cauchy(0, 2.5);
  sigma ~ exponential(1);
  y ~ normal(rows_dot_product(x, beta[:, jj]'), sigma);
}
