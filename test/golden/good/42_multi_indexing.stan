data {
  int<lower=1> N;
  int<lower=1> J;
  vector[N] y;
  array[N] int<lower=1, upper=J> group;
}
parameters {
  vector[J] alpha;
}
model {
  alpha ~ normal(0, 1);
  y ~ normal(alpha[group], 1);
}
