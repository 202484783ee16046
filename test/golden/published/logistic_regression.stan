// Logistic regression with a Student-t prior on the coefficients and log-likelihood output.
data {
  int<lower=0> N;
  int<lower=1> K;
  matrix[N, K] X;
  array[N] int<lower=0, upper=1> y;
  int<lower=0> N_new;
  matrix[N_new, K] X_new;
}
parameters {
  real alpha;
  vector[K] beta;
}
model {
  alpha ~ student_t(3, 0, 2.5);
  beta ~ student_t(3, 0, 2.5);
  y ~ bernoulli_logit_glm(X, alpha, beta);
}
generated quantities {
  vector[N] log_lik;
  array[N_new] int y_new;
  for (n in 1:N) {
    log_lik[n] = bernoulli_logit_lpmf(y[n] | alpha + X[n] * beta);
  }
  {
    vector[N_new] eta = alpha + X_new * beta;
    for (n in 1:N_new) {
      y_new[n] = bernoulli_rng(inv_logit(eta[n]));
    }
  }
}
