data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  for (n in 1:N) {
    y[n] ~ normal(mu, 1);
  }
  for (i in 2:N - 1)
    target += -0.5 * square(y[i] - y[i - 1]);
}
