functions {
  int fib(int n) {
    if (n < 2) {
      return n;
    }
    return fib(n - 1) + fib(n - 2);
  }
}
transformed data {
  int f10 = fib(10);
}
parameters {
  real mu;
}
model {
  mu ~ normal(f10, 1);
}
