parameters {
  real mu;
}
model {
  {
    real a = 1;
    {
      real b = a * 2;
      mu ~ normal(b, 1);
    }
  }
}
