// Beta-binomial with a mean/concentration parameterisation, input checks, and print/reject use.
data {
  int<lower=1> N;
  array[N] int<lower=0> trials;
  array[N] int<lower=0> successes;
}
transformed data {
  for (n in 1:N) {
    if (successes[n] > trials[n]) {
      reject("successes[", n, "] = ", successes[n], " exceeds trials[", n, "] = ", trials[n]);
    }
  }
}
parameters {
  real<lower=0, upper=1> mu;
  real<lower=0> kappa;
}
transformed parameters {
  real<lower=0> a = mu * kappa;
  real<lower=0> b = (1 - mu) * kappa;
}
model {
  mu ~ beta(1, 1);
  kappa ~ gamma(2, 0.1);
  successes ~ beta_binomial(trials, a, b);
  if (is_inf(target())) {
    print("target is infinite at mu = ", mu, ", kappa = ", kappa);
  }
}
generated quantities {
  array[N] int successes_rep = beta_binomial_rng(trials, a, b);
  real mean_rate = mean(to_vector(successes_rep) ./ to_vector(trials));
}
