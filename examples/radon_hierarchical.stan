// Hierarchical regression of log radon in houses (Gelman and Hill 2007, chapter 12; data generated in
// the same shape by scripts/examples/make_radon_hierarchical.mjs): a varying intercept per county, a
// common first-floor effect, and the county's log soil uranium as a county-level predictor.
// Non-centered: the county intercepts are built from standardised effects eta, because the county
// variation left after uranium is small, and a small group scale is where the centered form has a funnel.
data {
  int<lower=1> N;                              // houses
  int<lower=1> J;                              // counties
  array[N] int<lower=1, upper=J> county;       // county of each house
  vector<lower=0, upper=1>[N] first_floor;     // 1: measured on the first floor, 0: in the basement
  vector[J] log_uranium;                       // county-level predictor
  vector[N] log_radon;                         // outcome
}
parameters {
  real mu_alpha;                               // intercept at average uranium
  real b_uranium;                              // effect of log uranium on the county intercept
  real beta;                                   // first-floor effect
  real<lower=0> sigma_county;                  // county variation beyond uranium
  vector[J] eta;                               // standardised county effects
  real<lower=0> sigma;                         // house-level residual sd
}
transformed parameters {
  vector[J] alpha = mu_alpha + b_uranium * log_uranium + sigma_county * eta;
}
model {
  mu_alpha ~ normal(0, 5);
  b_uranium ~ normal(0, 5);
  beta ~ normal(0, 5);
  sigma_county ~ normal(0, 1);                 // half-normal
  eta ~ std_normal();
  sigma ~ normal(0, 1);                        // half-normal
  log_radon ~ normal(alpha[county] + beta * first_floor, sigma);
}
