transformed data {
  real x = 1;
  vector[3] v = [1, 2, 3]';
  vector[3] w = rep_vector(2, 3);
  x += 2;
  x -= 0.5;
  x *= 3;
  x /= 2;
  v .*= w;
  v ./= w;
  v[1] = x;
}
parameters {
  real mu;
}
model {
  mu ~ normal(x, 1);
}
