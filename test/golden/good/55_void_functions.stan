functions {
  void check_size(int n, int expected) {
    if (n != expected) {
      reject("size mismatch: ", n, " != ", expected);
    }
  }
}
data {
  int<lower=0> N;
  vector[N] y;
}
transformed data {
  check_size(num_elements(y), N);
}
parameters {
  real mu;
}
model {
  y ~ normal(mu, 1);
}
