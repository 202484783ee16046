data {
  int<lower=0> N;
  array[N] int<lower=0, upper=2> g;
  vector[N] y;
}
parameters {
  real a;
  real b;
}
model {
  for (n in 1:N) {
    if (g[n] == 0) {
      y[n] ~ normal(a, 1);
    } else if (g[n] == 1) {
      y[n] ~ normal(b, 1);
    } else
      y[n] ~ normal(a + b, 1);
  }
  if (N > 0) a ~ normal(0, 1);
}
