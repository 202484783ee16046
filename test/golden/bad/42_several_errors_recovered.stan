data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
  real<lower=0> tau;
}
model {
  mu ~ normal(0, sigma);
  tau ~ cauhcy(0, 5);
  y ~ normal(mu + thetaa, tau);
  y ~ normal(mu + sigma, tau);
}
