data {
  int<lower=4> N;
  vector[N] v;
  array[N] real a;
}
transformed data {
  vector[2] v1 = v[2:3];
  vector[N - 1] v2 = v[2:];
  vector[3] v3 = v[:3];
  vector[N] v4 = v[:];
  array[2] real a1 = a[1:2];
}
parameters {
  real mu;
}
model {
  mu ~ normal(sum(v1) + sum(v2) + sum(v3) + sum(v4) + sum(a1), 1);
}
