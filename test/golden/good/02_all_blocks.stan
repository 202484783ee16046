functions {
  real twice(real x) {
    return 2 * x;
  }
}
data {
  int<lower=1> N;
  vector[N] x;
}
transformed data {
  real x_mean = mean(x);
}
parameters {
  real alpha;
}
transformed parameters {
  real beta = twice(alpha);
}
model {
  alpha ~ std_normal();
  x ~ normal(beta + x_mean, 1);
}
generated quantities {
  real alpha_sq = square(alpha);
}
