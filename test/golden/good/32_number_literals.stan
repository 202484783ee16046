transformed data {
  int i = 10;
  real a = 1.;
  real b = .5;
  real c = 1e-3;
  real d = 1.5E+3;
  real f = 2.5e2;
  complex z = 2i;
  complex w = 3.5i;
  complex u = 1 + 2i;
}
parameters {
  real mu;
}
model {
  mu ~ normal(a + b + c + d + f + i, 1);
}
