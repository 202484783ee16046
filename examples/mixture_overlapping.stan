// The model of mixture_two_component.stan on data whose components overlap (means two sds apart,
// so the data show one hump).
// The data barely tell the two components apart, so the posterior is wide, skewed and strongly
// correlated (mixing proportion against means and scales), and the ordering of the means, which removes
// the label-switching symmetry, puts a hard edge at mu[1] = mu[2] that the posterior reaches.
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
