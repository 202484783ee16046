data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  target += normal_lupdf(y | mu, 1);
}
generated quantities {
  real ll = normal_lupdf(y | mu, 1);
}
