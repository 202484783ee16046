data {
  int<lower=2> K;
}
parameters {
  ordered[K] cutpoints;
  positive_ordered[K] rates;
}
model {
  cutpoints ~ normal(0, 5);
  rates ~ exponential(1);
}
