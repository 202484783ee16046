// One-compartment pharmacokinetics with first-order absorption, solved with ode_bdf.
functions {
  vector one_cpt(real t, vector a, real ka, real CL, real V, data real dose_time) {
    vector[2] dadt;
    dadt[1] = -ka * a[1];
    dadt[2] = ka * a[1] - (CL / V) * a[2];
    return dadt;
  }
}
data {
  int<lower=1> N_obs;
  array[N_obs] real<lower=0> times;
  vector<lower=0>[N_obs] conc;
  real<lower=0> dose;
}
transformed data {
  vector[2] a0 = [dose, 0]';
  real t_dose = 0;
}
parameters {
  real<lower=0> ka;
  real<lower=0> CL;
  real<lower=0> V;
  real<lower=0> sigma;
}
transformed parameters {
  vector[N_obs] conc_hat;
  {
    array[N_obs] vector[2] a = ode_bdf(one_cpt, a0, t_dose, times, ka, CL, V, t_dose);
    for (n in 1:N_obs) {
      conc_hat[n] = a[n, 2] / V;
    }
  }
}
model {
  ka ~ lognormal(log(1), 0.5);
  CL ~ lognormal(log(5), 0.5);
  V ~ lognormal(log(30), 0.5);
  sigma ~ normal(0, 0.5);
  conc ~ lognormal(log(conc_hat), sigma);
}
generated quantities {
  array[N_obs] real conc_rep = lognormal_rng(log(conc_hat), sigma);
  real half_life = log(2) * V / CL;
}
