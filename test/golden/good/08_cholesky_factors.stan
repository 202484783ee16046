data {
  int<lower=2> K;
  int<lower=K> M;
}
parameters {
  cholesky_factor_corr[K] L_Omega;
  cholesky_factor_cov[K] L_Sigma;
  cholesky_factor_cov[M, K] L_rect;
}
model {
  L_Omega ~ lkj_corr_cholesky(2);
}
