// Logistic regression with strongly correlated predictors: x1 and x2 have correlation 0.95, x3 is
// independent of both. The data cannot tell the effects of x1 and x2 apart well, only their sum, so
// beta[1] and beta[2] are strongly negatively correlated a posteriori and each is wide on its own.
data {
  int<lower=0> N;                      // observations
  int<lower=1> K;                      // predictors
  matrix[N, K] X;                      // standardised predictors
  array[N] int<lower=0, upper=1> y;    // outcomes
}
parameters {
  real alpha;                          // intercept
  vector[K] beta;                      // coefficients
}
model {
  alpha ~ normal(0, 2.5);
  beta ~ normal(0, 2.5);
  y ~ bernoulli_logit(alpha + X * beta);
}
