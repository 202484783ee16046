// The mean of a normal with known unit variance: w ~ normal(0, 1), x[n] ~ normal(w, 1).
// The posterior is normal in closed form, N(sum(x) / (N + 1), 1 / sqrt(N + 1)), so Vigil can compare
// a variational fit with the exact answer.
data {
  int<lower=0> N;   // number of observations
  vector[N] x;      // observations
}
parameters {
  real w;           // the unknown mean
}
model {
  w ~ normal(0, 1);
  x ~ normal(w, 1);
}
