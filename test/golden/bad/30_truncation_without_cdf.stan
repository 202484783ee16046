functions {
  real myd_lpdf(real y, real mu) {
    return normal_lpdf(y | mu, 1);
  }
}
data {
  real y;
}
parameters {
  real mu;
}
model {
  y ~ myd(mu) T[0, ];
}
