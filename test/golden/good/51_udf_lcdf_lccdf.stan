functions {
  real my_exp_lpdf(real y, real rate) {
    return log(rate) - rate * y;
  }
  real my_exp_lcdf(real y, real rate) {
    return log1m_exp(-rate * y);
  }
  real my_exp_lccdf(real y, real rate) {
    return -rate * y;
  }
}
data {
  real<lower=0, upper=5> y;
}
parameters {
  real<lower=0> rate;
}
model {
  y ~ my_exp(rate) T[, 5];
  target += my_exp_lcdf(y | rate) + my_exp_lccdf(y | rate);
}
