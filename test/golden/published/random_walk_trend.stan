// Local-level model: a Gaussian random walk built with cumulative_sum, with missing observations.
data {
  int<lower=1> T;
  int<lower=0, upper=T> N_obs;
  array[N_obs] int<lower=1, upper=T> obs_idx;
  vector[N_obs] y_obs;
}
parameters {
  real level0;
  vector[T - 1] innov;
  real<lower=0> sigma_level;
  real<lower=0> sigma_obs;
}
transformed parameters {
  vector[T] level = level0 + append_row(0, cumulative_sum(innov * sigma_level));
}
model {
  level0 ~ normal(0, 10);
  innov ~ std_normal();
  sigma_level ~ normal(0, 1);
  sigma_obs ~ normal(0, 1);
  y_obs ~ normal(level[obs_idx], sigma_obs);
}
generated quantities {
  vector[T] y_hat;
  for (t in 1:T) {
    y_hat[t] = normal_rng(level[t], sigma_obs);
  }
  real last_level = level[T];
  vector[5] forecast;
  {
    real current = last_level;
    for (h in 1:5) {
      current = normal_rng(current, sigma_level);
      forecast[h] = current;
    }
  }
}
