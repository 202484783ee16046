// Varying intercepts and slopes, centered, with multi_normal_cholesky.
data {
  int<lower=1> N;
  int<lower=1> J;
  array[N] int<lower=1, upper=J> county;
  vector[N] x;
  vector[N] y;
}
parameters {
  vector[2] mu_beta;
  array[J] vector[2] beta;
  cholesky_factor_corr[2] L;
  vector<lower=0>[2] scale;
  real<lower=0> sigma;
}
model {
  matrix[2, 2] L_Sigma = diag_pre_multiply(scale, L);
  mu_beta ~ normal(0, 10);
  scale ~ cauchy(0, 2.5);
  L ~ lkj_corr_cholesky(4);
  beta ~ multi_normal_cholesky(mu_beta, L_Sigma);
  sigma ~ student_t(4, 0, 1);
  for (n in 1:N) {
    y[n] ~ normal(beta[county[n], 1] + beta[county[n], 2] * x[n], sigma);
  }
}
