transformed data {
  real a = 1;
  real b = 2;
  real c = 3;
  real d = 4;
  real x = a + b * c - d / a;
  real y = a - b - c;
  real z = a * b / c * d;
  real w = (a + b) * c;
}
parameters {
  real mu;
}
model {
  mu ~ normal(x + y + z + w, 1);
}
