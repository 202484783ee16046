parameters {
  real mu;
}
model {
  increment_log_prob(normal_log(mu, 0, 1));
}
