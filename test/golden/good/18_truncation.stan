data {
  int<lower=0> N;
  array[N] real<lower=0> y;
  array[N] real<upper=10> z;
  array[N] real<lower=0, upper=10> w;
}
parameters {
  real mu;
  real<lower=0> sigma;
}
model {
  for (n in 1:N) {
    y[n] ~ normal(mu, sigma) T[0, ];
    z[n] ~ normal(mu, sigma) T[, 10];
    w[n] ~ normal(mu, sigma) T[0, 10];
  }
}
