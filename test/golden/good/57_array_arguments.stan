functions {
  real total(array[] real xs) {
    real t = 0;
    for (x in xs) {
      t += x;
    }
    return t;
  }
  int count_positive(array[,] int m) {
    int c = 0;
    for (i in 1:size(m)) {
      for (j in 1:size(m[i])) {
        if (m[i, j] > 0) c += 1;
      }
    }
    return c;
  }
  array[] vector copy_vectors(array[] vector vs) {
    return vs;
  }
}
data {
  array[3] real y;
  array[2, 2] int m;
}
transformed data {
  real t = total(y);
  int c = count_positive(m);
}
parameters {
  real mu;
}
model {
  mu ~ normal(t + c, 1);
}
