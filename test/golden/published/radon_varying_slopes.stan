// Radon: correlated varying intercepts and slopes by county, non-centered with an LKJ prior.
data {
  int<lower=1> N;
  int<lower=1> J;
  array[N] int<lower=1, upper=J> county;
  vector[N] floor_measure;
  vector[N] log_radon;
  vector[J] log_uranium;
}
parameters {
  vector[2] gamma;
  vector<lower=0>[2] tau;
  cholesky_factor_corr[2] L_Omega;
  matrix[2, J] z;
  real<lower=0> sigma_y;
}
transformed parameters {
  matrix[J, 2] ab = rep_matrix(gamma', J) + (diag_pre_multiply(tau, L_Omega) * z)';
}
model {
  vector[N] mu;
  gamma ~ normal(0, 5);
  tau ~ exponential(1);
  L_Omega ~ lkj_corr_cholesky(2);
  to_vector(z) ~ std_normal();
  sigma_y ~ normal(0, 1);
  for (n in 1:N) {
    mu[n] = ab[county[n], 1] + ab[county[n], 2] * floor_measure[n];
  }
  log_radon ~ normal(mu + 0.5 * log_uranium[county], sigma_y);
}
generated quantities {
  corr_matrix[2] Omega = multiply_lower_tri_self_transpose(L_Omega);
  cov_matrix[2] Sigma = quad_form_diag(Omega, tau);
}
