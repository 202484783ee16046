data {
  int<lower=0> N;
  array[N] int<lower=1> y;
}
parameters {
  real<lower=0> lambda;
}
model {
  for (n in 1:N) {
    y[n] ~ poisson(lambda) T[0.5, ];
  }
}
