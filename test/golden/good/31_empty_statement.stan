parameters {
  real mu;
}
model {
  ;
  mu ~ normal(0, 1);;
  if (1) ; else mu ~ normal(0, 2);
}
