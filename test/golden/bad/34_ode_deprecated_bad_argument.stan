functions {
  array[] real decay(real t, array[] real y, array[] real theta, array[] real x_r, array[] int x_i) {
    return {-theta[1] * y[1]};
  }
}
data {
  int<lower=1> T;
  array[T] real ts;
}
parameters {
  vector<lower=0>[1] k;
}
model {
  array[T, 1] real y_hat = integrate_ode_rk45(decay, {1.0}, 0.0, ts, k, rep_array(0.0, 0), rep_array(0, 0));
  k ~ normal(0, 1);
}
