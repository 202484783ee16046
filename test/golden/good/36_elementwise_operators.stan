data {
  int<lower=1> N;
  vector[N] a;
  vector<lower=0>[N] b;
}
transformed data {
  vector[N] p = a .* b;
  vector[N] q = a ./ b;
  vector[N] r = b .^ 2;
  vector[N] s = a .* b ./ b;
}
parameters {
  real mu;
}
model {
  mu ~ normal(sum(p) + sum(q) + sum(r) + sum(s), 1);
}
