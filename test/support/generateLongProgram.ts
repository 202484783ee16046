// Generates a long, valid, realistic Stan program (user functions, many declarations, loops,
// conditionals, vectorised and looped likelihoods) for the front end's speed test and benchmark.
interface Blocks {
  functions: string[];
  data: string[];
  transformedData: string[];
  parameters: string[];
  transformedParameters: string[];
  model: string[];
  generatedQuantities: string[];
}

// One group of related declarations and statements; `g` varies names and the likelihood used.
function addGroup(b: Blocks, g: number): void {
  const kind = g % 3;
  b.functions.push(
    `  real score_${g}(vector x, real a, real b) {`,
    '    real acc = 0;',
    '    for (i in 1:num_elements(x)) {',
    `      acc += a * x[i] + b * square(x[i]) - ${g}.5 * abs(x[i]);`,
    '    }',
    '    return acc / num_elements(x);',
    '  }',
  );
  b.data.push(
    `  int<lower=1> N_${g};`,
    `  vector[N_${g}] x_${g};`,
    kind === 0 ? `  array[N_${g}] int<lower=0, upper=1> y_${g};` : kind === 1 ? `  array[N_${g}] int<lower=0> y_${g};` : `  vector[N_${g}] y_${g};`,
    `  matrix[N_${g}, 3] X_${g};`,
    `  array[N_${g}] real w_${g};`,
  );
  b.transformedData.push(
    `  vector[N_${g}] xs_${g} = (x_${g} - mean(x_${g})) / sd(x_${g});`,
    `  real total_${g} = sum(w_${g}) + log1p(N_${g});`,
  );
  b.parameters.push(
    `  real alpha_${g};`,
    `  vector[3] beta_${g};`,
    `  real<lower=0> sigma_${g};`,
    `  vector<offset=alpha_${g}, multiplier=sigma_${g}>[N_${g}] z_${g};`,
  );
  b.transformedParameters.push(
    `  vector[N_${g}] eta_${g} = alpha_${g} + X_${g} * beta_${g} + 0.1 * z_${g};`,
    `  real s_${g} = score_${g}(xs_${g}, alpha_${g}, sigma_${g}) / total_${g};`,
  );
  const lik =
    kind === 0
      ? `      y_${g}[n] ~ bernoulli_logit(eta_${g}[n]);`
      : kind === 1
        ? `      y_${g}[n] ~ poisson_log(eta_${g}[n]);`
        : `      y_${g}[n] ~ normal(eta_${g}[n], sigma_${g});`;
  b.model.push(
    `  alpha_${g} ~ normal(0, 2);`,
    `  beta_${g} ~ std_normal();`,
    `  sigma_${g} ~ exponential(1);`,
    `  z_${g} ~ normal(alpha_${g}, sigma_${g});`,
    `  for (n in 1:N_${g}) {`,
    `    if (w_${g}[n] > 0 && xs_${g}[n] < 3) {`,
    lik,
    '    } else {',
    `      target += normal_lpdf(xs_${g}[n] | eta_${g}[n], sigma_${g} + 1);`,
    '    }',
    '  }',
  );
  const rng =
    kind === 0 ? `bernoulli_logit_rng(eta_${g}[n])` : kind === 1 ? `poisson_log_rng(fmin(eta_${g}[n], 20))` : `normal_rng(eta_${g}[n], sigma_${g})`;
  const lpf =
    kind === 0
      ? `bernoulli_logit_lpmf(y_${g}[n] | eta_${g}[n])`
      : kind === 1
        ? `poisson_log_lpmf(y_${g}[n] | eta_${g}[n])`
        : `normal_lpdf(y_${g}[n] | eta_${g}[n], sigma_${g})`;
  b.generatedQuantities.push(
    `  array[N_${g}] ${kind === 2 ? 'real' : 'int'} y_rep_${g};`,
    `  real ll_${g} = 0;`,
    `  for (n in 1:N_${g}) {`,
    `    y_rep_${g}[n] = ${rng};`,
    `    ll_${g} += ${lpf};`,
    '  }',
  );
}

function render(b: Blocks): string[] {
  const block = (name: string, lines: string[]): string[] => [`${name} {`, ...lines, '}'];
  return [
    '// Generated: a long realistic program for the front-end speed test.',
    ...block('functions', b.functions),
    ...block('data', b.data),
    ...block('transformed data', b.transformedData),
    ...block('parameters', b.parameters),
    ...block('transformed parameters', b.transformedParameters),
    ...block('model', b.model),
    ...block('generated quantities', b.generatedQuantities),
  ];
}

// A valid program of at least `minLines` lines (groups are added until it is long enough).
export function generateLongProgram(minLines = 1000): string {
  const b: Blocks = { functions: [], data: [], transformedData: [], parameters: [], transformedParameters: [], model: [], generatedQuantities: [] };
  let lines: string[] = render(b);
  for (let g = 1; lines.length < minLines; g++) {
    addGroup(b, g);
    lines = render(b);
  }
  return `${lines.join('\n')}\n`;
}
