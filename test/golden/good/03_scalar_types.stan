data {
  int n;
  real r;
}
transformed data {
  complex z = to_complex(r, 2.0);
  real re = get_real(z);
  real im = get_imag(z);
  int m = n * 2;
}
parameters {
  real theta;
}
model {
  theta ~ normal(re + im + m, 1);
}
