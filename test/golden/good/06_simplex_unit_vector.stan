data {
  int<lower=2> K;
  vector<lower=0>[K] alpha;
}
parameters {
  simplex[K] theta;
  unit_vector[K] u;
}
model {
  theta ~ dirichlet(alpha);
}
