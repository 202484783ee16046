transformed data {
  int found = 0;
  for (i in 1:100) {
    if (i % 2 == 0) continue;
    if (i > 50) break;
    found = i;
  }
  while (1) {
    break;
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(found, 1);
}
