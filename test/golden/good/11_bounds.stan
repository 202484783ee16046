data {
  int<lower=0> N;
  int<lower=0, upper=N> k;
  real<upper=0> neg;
  vector<lower=-1, upper=1>[N] corr;
  matrix<lower=0>[N, N] counts;
}
parameters {
  real<lower=neg, upper=-neg + 1> a;
  real<lower=max(corr)> b;
  vector<lower=0>[N] scales;
}
model {
  scales ~ exponential(1);
  a ~ uniform(neg, -neg + 1);
}
