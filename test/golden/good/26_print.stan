parameters {
  real mu;
}
model {
  print("mu = ", mu);
  print(mu, " and target = ", target());
  mu ~ normal(0, 1);
}
