// SIR epidemic model solved with ode_rk45; negative binomial counts of infected.
functions {
  vector sir(real t, vector y, real beta, real gamma, int N) {
    vector[3] dydt;
    real infection = beta * y[1] * y[2] / N;
    real recovery = gamma * y[2];
    dydt[1] = -infection;
    dydt[2] = infection - recovery;
    dydt[3] = recovery;
    return dydt;
  }
}
data {
  int<lower=1> n_days;
  vector[3] y0;
  real t0;
  array[n_days] real ts;
  int N;
  array[n_days] int cases;
}
parameters {
  real<lower=0> gamma;
  real<lower=0> beta;
  real<lower=0> phi_inv;
}
transformed parameters {
  array[n_days] vector[3] y = ode_rk45(sir, y0, t0, ts, beta, gamma, N);
  real phi = 1.0 / phi_inv;
}
model {
  beta ~ normal(2, 1);
  gamma ~ normal(0.4, 0.5);
  phi_inv ~ exponential(5);
  for (t in 1:n_days) {
    cases[t] ~ neg_binomial_2(fmax(y[t, 2], 1e-6), phi);
  }
}
generated quantities {
  real R0 = beta / gamma;
  real recovery_time = 1 / gamma;
  array[n_days] real pred_cases;
  for (t in 1:n_days) {
    pred_cases[t] = neg_binomial_2_rng(fmax(y[t, 2], 1e-6), phi);
  }
}
