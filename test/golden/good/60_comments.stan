// A line comment before the first block.
/* A block comment
   over several lines. */
data {
  int<lower=0> N; // trailing comment
  /* inline */ vector[N] y;
}
parameters {
  real mu; /* after */
}
model {
  // y ~ cauchy(0, 1);
  y ~ normal(mu, /* sigma */ 1);
}
