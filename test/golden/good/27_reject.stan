data {
  int<lower=0> N;
}
transformed data {
  if (N > 1000) {
    reject("N is too large: ", N);
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(0, 1);
}
