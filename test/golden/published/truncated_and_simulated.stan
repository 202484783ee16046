// Truncated likelihood and priors, with fake data simulated in transformed data.
data {
  int<lower=1> N;
  real L;
  real<lower=L> U;
  int<lower=0, upper=1> simulate;
  array[N] real<lower=L, upper=U> y_obs;
}
transformed data {
  array[N] real y;
  real mu_true = normal_rng(0, 1);
  for (n in 1:N) {
    if (simulate == 1) {
      real draw = normal_rng(mu_true, 1);
      while (draw < L || draw > U) {
        draw = normal_rng(mu_true, 1);
      }
      y[n] = draw;
    } else {
      y[n] = y_obs[n];
    }
  }
}
parameters {
  real mu;
  real<lower=0> sigma;
}
model {
  mu ~ normal(0, 5) T[-10, 10];
  sigma ~ normal(0, 2) T[0, ];
  for (n in 1:N) {
    y[n] ~ normal(mu, sigma) T[L, U];
  }
}
generated quantities {
  real mu_minus_truth = mu - mu_true;
}
