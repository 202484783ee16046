// Eight schools, non-centered form: the same model as eight_schools_centered.stan, written with
// standardised effects theta_tilde so that the sampler and the variational family see a geometry
// without the funnel. theta is recovered as a transformed parameter.
data {
  int<lower=0> J;                // number of schools
  array[J] real y;               // estimated treatment effect in each school
  array[J] real<lower=0> sigma;  // standard error of each estimate
}
parameters {
  real mu;                       // population mean effect
  real<lower=0> tau;             // population scale of the effects
  vector[J] theta_tilde;         // standardised effect in each school
}
transformed parameters {
  vector[J] theta = mu + tau * theta_tilde;
}
model {
  mu ~ normal(0, 5);
  tau ~ cauchy(0, 5);
  theta_tilde ~ std_normal();
  y ~ normal(theta, sigma);
}
