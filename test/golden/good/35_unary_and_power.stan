transformed data {
  real a = 2;
  real b = 3;
  real c = 2;
  real x = -a ^ b;
  real y = a ^ -b;
  real z = a ^ b ^ c;
  real w = -a * +b;
  real v = - -a;
}
parameters {
  real mu;
}
model {
  mu ~ normal(x + y + z + w + v, 1);
}
