data {
  int<lower=0> N;
  vector[N] y;
  array[N] int<lower=0, upper=1> k;
}
parameters {
  real mu;
  real<lower=0> sigma;
  real alpha;
}
model {
  target += normal_lpdf(y | mu, sigma);
  target += bernoulli_logit_lpmf(k | alpha);
  target += normal_lupdf(mu | 0, 1);
  target += exponential_lccdf(1.0 | sigma);
  target += normal_lcdf(0 | mu, sigma);
}
