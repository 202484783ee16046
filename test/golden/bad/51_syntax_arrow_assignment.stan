transformed data {
  real x;
  x <- 3;
}
parameters {
  real mu;
}
model {
  mu ~ normal(x, 1);
}
