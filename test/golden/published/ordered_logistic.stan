// Ordinal regression with ordered cutpoints and an induced Dirichlet-free prior.
data {
  int<lower=2> K;
  int<lower=0> N;
  int<lower=1> D;
  array[N] int<lower=1, upper=K> y;
  array[N] row_vector[D] x;
}
parameters {
  vector[D] beta;
  ordered[K - 1] c;
}
model {
  beta ~ normal(0, 2);
  c ~ student_t(3, 0, 5);
  for (n in 1:N) {
    y[n] ~ ordered_logistic(x[n] * beta, c);
  }
}
generated quantities {
  array[N] int<lower=1, upper=K> y_rep;
  vector[N] log_lik;
  for (n in 1:N) {
    real eta = x[n] * beta;
    y_rep[n] = ordered_logistic_rng(eta, c);
    log_lik[n] = ordered_logistic_lpmf(y[n] | eta, c);
  }
}
