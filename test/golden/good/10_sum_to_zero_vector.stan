data {
  int<lower=2> J;
}
parameters {
  sum_to_zero_vector[J] effects;
}
model {
  effects ~ normal(0, 1);
}
