// Two-component normal mixture with unknown means, scales and mixing proportion, on data whose
// components are well separated. The means are ordered, which removes the label-switching symmetry
// (otherwise every posterior mode would have a mirror image with the components swapped).
data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  ordered[2] mu;                       // component means, mu[1] < mu[2]
  vector<lower=0>[2] sigma;            // component sds
  real<lower=0, upper=1> lambda;       // proportion of the first component
}
model {
  mu ~ normal(0, 5);
  sigma ~ lognormal(0, 1);
  lambda ~ beta(2, 2);
  for (n in 1:N) {
    target += log_mix(lambda, normal_lpdf(y[n] | mu[1], sigma[1]), normal_lpdf(y[n] | mu[2], sigma[2]));
  }
}
