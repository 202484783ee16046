transformed data {
  int a = 1;
  int b = 0;
  int c = 1;
  int p = a || b && c;
  int q = a == b || b != c;
  int r = a < b == c > b;
  int s = a + 1 <= b * 2 && c >= 0;
  int t = !a || !b;
}
parameters {
  real mu;
}
model {
  mu ~ normal(p + q + r + s + t, 1);
}
