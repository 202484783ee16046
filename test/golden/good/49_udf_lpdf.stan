functions {
  real my_normal_lpdf(real y, real mu, real sigma) {
    return -0.5 * square((y - mu) / sigma) - log(sigma);
  }
}
data {
  real y;
}
parameters {
  real mu;
}
model {
  y ~ my_normal(mu, 1);
  target += my_normal_lpdf(y | mu, 1);
  target += my_normal_lupdf(y | mu, 1);
}
