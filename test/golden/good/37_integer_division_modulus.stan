transformed data {
  int a = 17;
  int b = 5;
  int q = a %/% b;
  int r = a % b;
  int s = a - b * (a %/% b);
  int t = a %/% b * b + a % b;
}
parameters {
  real mu;
}
model {
  mu ~ normal(q + r + s + t, 1);
}
