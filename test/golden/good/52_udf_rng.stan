functions {
  real half_normal_rng(real sigma) {
    return abs(normal_rng(0, sigma));
  }
}
parameters {
  real<lower=0> sigma;
}
model {
  sigma ~ exponential(1);
}
generated quantities {
  real draw = half_normal_rng(sigma);
}
