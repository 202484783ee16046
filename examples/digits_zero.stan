// Gamma-Poisson model of handwritten zeros (the model of the JAX variational-inference tutorial), on the
// 178 images of the digit zero in the UCI optical digits: each image is 8x8 pixel counts 0-16, row by
// row. Every pixel has its own Poisson rate theta with a conjugate gamma prior centred on x0, a
// hand-drawn "average zero", so the posterior is exact: theta[p] ~ gamma(2 * x0[p] + sum_m x[m, p], 2 + M).
data {
  int<lower=0> M;                          // number of images
  array[M, 64] int<lower=0, upper=16> x;   // pixel counts, row-major 8x8
  vector<lower=0>[64] x0;                  // @vigil image 8x8  prior guess of the mean image
}
transformed data {
  vector[64] a = 2 * x0;                   // prior shape: prior mean x0, prior sd sqrt(x0 / 2)
  real b = 2;                              // prior rate
}
parameters {
  vector<lower=0>[64] theta;               // @vigil image 8x8  Poisson rate of each pixel
}
model {
  theta ~ gamma(a, b);
  for (m in 1:M) {
    x[m] ~ poisson(theta);
  }
}
generated quantities {
  // Four synthetic zeros drawn from the fitted rates (counts may exceed 16: the model does not cap them).
  array[4, 64] int x_sim;                  // @vigil image 8x8
  for (k in 1:4) {
    x_sim[k] = poisson_rng(theta);
  }
}
