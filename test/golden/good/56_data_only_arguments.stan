functions {
  vector scale_by(data vector x, real s) {
    return x * s;
  }
}
data {
  int<lower=1> N;
  vector[N] x;
}
parameters {
  real<lower=0> s;
}
model {
  x ~ normal(scale_by(x, s), 1);
}
