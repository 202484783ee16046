transformed data {
  real a = 2;
  real b = 3;
  real x = (a + b) * (a - b);
  real y = ((a));
  real z = -(a ^ b);
  real w = (-a) ^ 2;
}
parameters {
  real mu;
}
model {
  mu ~ normal(x + y + z + w, 1);
}
