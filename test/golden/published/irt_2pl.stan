// Two-parameter logistic item-response model with hierarchical item parameters.
data {
  int<lower=1> I;
  int<lower=1> J;
  array[I, J] int<lower=0, upper=1> y;
}
parameters {
  real<lower=0> sigma_theta;
  vector[J] theta;
  real mu_beta;
  real<lower=0> sigma_beta;
  vector<offset=mu_beta, multiplier=sigma_beta>[I] beta;
  real<lower=0> sigma_alpha;
  vector<lower=0>[I] alpha;
}
model {
  sigma_theta ~ cauchy(0, 2);
  theta ~ normal(0, sigma_theta);
  mu_beta ~ normal(0, 5);
  sigma_beta ~ cauchy(0, 2);
  beta ~ normal(mu_beta, sigma_beta);
  sigma_alpha ~ cauchy(0, 2);
  alpha ~ lognormal(0, sigma_alpha);
  for (i in 1:I) {
    y[i] ~ bernoulli_logit(alpha[i] * (theta - beta[i]));
  }
}
generated quantities {
  array[I, J] int y_rep;
  for (i in 1:I) {
    for (j in 1:J) {
      y_rep[i, j] = bernoulli_logit_rng(alpha[i] * (theta[j] - beta[i]));
    }
  }
}
