data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
  real<lower=0> sigma;
}
model {
  (y - mu) / sigma ~ std_normal();
  target += -N * log(sigma);
  sum(y) ~ normal(N * mu, sqrt(N) * sigma);
}
