data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  for (n in 1:N) {
    real mu = 2;
    y[n] ~ normal(mu, 1);
  }
}
