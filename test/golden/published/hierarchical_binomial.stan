// Rat tumours: hierarchical binomial with a beta population distribution on the logit scale.
data {
  int<lower=0> N;
  array[N] int<lower=0> n;
  array[N] int<lower=0> y;
}
parameters {
  real<lower=0, upper=1> phi;
  real<lower=0.1> kappa;
  vector<lower=0, upper=1>[N] theta;
}
transformed parameters {
  real<lower=0> a = kappa * phi;
  real<lower=0> b = kappa * (1 - phi);
}
model {
  kappa ~ pareto(0.1, 1.5);
  theta ~ beta(a, b);
  y ~ binomial(n, theta);
}
generated quantities {
  array[N] int y_rep = binomial_rng(n, theta);
  real pooled = sum(y) * 1.0 / sum(n);
  int<lower=0, upper=1> above = mean(theta) > pooled;
}
