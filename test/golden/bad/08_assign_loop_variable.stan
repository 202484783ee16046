data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  for (n in 1:N) {
    n = n + 1;
    y[n] ~ normal(mu, 1);
  }
}
