// Hidden Markov model with normal emissions: forward algorithm in the model, Viterbi decoding in gq.
data {
  int<lower=1> K;
  int<lower=1> T;
  array[T] real y;
}
parameters {
  array[K] simplex[K] theta;
  positive_ordered[K] mu;
  real<lower=0> sigma;
}
model {
  array[K] real acc;
  array[T, K] real gamma;
  for (k in 1:K) {
    gamma[1, k] = normal_lpdf(y[1] | mu[k], sigma);
  }
  for (t in 2:T) {
    for (k in 1:K) {
      for (j in 1:K) {
        acc[j] = gamma[t - 1, j] + log(theta[j, k]) + normal_lpdf(y[t] | mu[k], sigma);
      }
      gamma[t, k] = log_sum_exp(acc);
    }
  }
  mu ~ normal(3, 10);
  sigma ~ normal(0, 2);
  target += log_sum_exp(gamma[T]);
}
generated quantities {
  array[T] int<lower=1, upper=K> z_star;
  real log_p_z_star;
  {
    array[T, K] int back_ptr;
    array[T, K] real best_logp;
    for (k in 1:K) {
      best_logp[1, k] = normal_lpdf(y[1] | mu[k], sigma);
    }
    for (t in 2:T) {
      for (k in 1:K) {
        best_logp[t, k] = negative_infinity();
        for (j in 1:K) {
          real logp = best_logp[t - 1, j] + log(theta[j, k]) + normal_lpdf(y[t] | mu[k], sigma);
          if (logp > best_logp[t, k]) {
            back_ptr[t, k] = j;
            best_logp[t, k] = logp;
          }
        }
      }
    }
    log_p_z_star = max(best_logp[T]);
    for (k in 1:K) {
      if (best_logp[T, k] == log_p_z_star) {
        z_star[T] = k;
      }
    }
    for (t in 1:(T - 1)) {
      z_star[T - t] = back_ptr[T - t + 1, z_star[T - t + 1]];
    }
  }
}
