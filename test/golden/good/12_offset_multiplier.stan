data {
  int<lower=1> J;
  vector[J] y;
}
parameters {
  real mu;
  real<lower=0> tau;
  vector<offset=mu, multiplier=tau>[J] theta;
  real<multiplier=2> s;
  real<offset=1> t;
}
model {
  theta ~ normal(mu, tau);
  y ~ normal(theta, 1);
  s ~ normal(0, 2);
  t ~ normal(1, 1);
}
