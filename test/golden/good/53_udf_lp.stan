functions {
  real centered_prior_lp(vector theta, real scale) {
    theta ~ normal(0, scale);
    return sum(theta);
  }
}
data {
  int<lower=1> K;
}
parameters {
  vector[K] theta;
}
model {
  real s = centered_prior_lp(theta, 2);
}
