// Eight schools (Rubin 1981; Gelman et al., Bayesian Data Analysis, section 5.5), centered form.
// The school effects theta are drawn directly around mu with scale tau: when tau is small the
// posterior of (tau, theta) is a funnel, which both NUTS and variational inference find hard.
data {
  int<lower=0> J;                // number of schools
  array[J] real y;               // estimated treatment effect in each school
  array[J] real<lower=0> sigma;  // standard error of each estimate
}
parameters {
  real mu;                       // population mean effect
  real<lower=0> tau;             // population scale of the effects
  vector[J] theta;               // effect in each school
}
model {
  mu ~ normal(0, 5);
  tau ~ cauchy(0, 5);
  theta ~ normal(mu, tau);
  y ~ normal(theta, sigma);
}
