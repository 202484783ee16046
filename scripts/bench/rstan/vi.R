# rstan's vb() (ADVI, Stan's defaults: iter 10000, tol_rel_obj 0.01, grad_samples 1, elbo_samples 100,
# eta adaptation on) for each method and seed, plus a NUTS reference (4 x 1000) per model. The count of
# iterations comes from vb's printed output of an untimed second run with the same seed: the last ELBO
# row of the main loop, and the adaptation progress lines (each adaptation iteration also costs
# grad_samples gradients).
#   Rscript vi.R job.json out.json
#   job: { refSeed, seeds: [..], methods: ["meanfield", "fullrank"], models: [{ name, stan, data }] }
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "common.R"))
a <- bench_args()
j <- a$job
res <- list(rstan = as.character(packageVersion("rstan")), models = list())

parse_vb <- function(lines) {
  rows <- regmatches(lines, regexec("^(Chain 1: )?\\s+([0-9]+)\\s+(-?[0-9.eE+-]+|-?inf|nan)\\s+([0-9.eE+-]+|inf|nan)", lines))
  iters <- as.numeric(sapply(Filter(length, rows), `[`, 3))
  ad <- regmatches(lines, regexec("Iteration:\\s*([0-9]+) / [0-9]+ \\[.*\\(Adaptation\\)", lines))
  adapt <- as.numeric(sapply(Filter(length, ad), `[`, 2))
  note <- unlist(regmatches(lines, regexpr("(MEAN|MEDIAN) ELBO CONVERGED|MAY BE DIVERGING[^.]*|maximum number of iterations is reached", lines)))
  eta <- regmatches(lines, regexpr("Found best value \\[eta = [0-9.e-]+\\]", lines))
  list(iterations = if (length(iters)) max(iters) else NA, adaptIterations = if (length(adapt)) max(adapt) else 0,
       note = if (length(note)) note[length(note)] else "", eta = if (length(eta)) eta[1] else "")
}

for (m in j$models) {
  say("VI", m$name)
  res$models[[m$name]] <- tryCatch({
    b <- bench_model(m$stan)
    data <- bench_data(m$data)
    say("  NUTS reference")
    ref <- bench_nuts(b$mod, data, j$refSeed)
    fits <- list()
    for (method in j$methods) for (seed in j$seeds) {
      say(" ", method, "seed", seed)
      # timed with vb's default progress output; the iteration counts come from a second, untimed run
      # with the same seed printing every adaptation iteration (refresh = 1 makes vb itself slower)
      t0 <- proc.time()[["elapsed"]]
      fit <- NULL
      capture.output(fit <- tryCatch(suppressWarnings(vb(b$mod, data = data, algorithm = method, seed = seed)),
                                     error = function(e) conditionMessage(e)), type = "output")
      wall <- proc.time()[["elapsed"]] - t0
      out <- capture.output(tryCatch(suppressWarnings(vb(b$mod, data = data, algorithm = method, seed = seed, refresh = 1)),
                                     error = function(e) conditionMessage(e)), type = "output")
      p <- parse_vb(out)
      f <- list(method = method, seed = seed, wallSeconds = wall, iterations = p$iterations,
                adaptIterations = p$adaptIterations, note = p$note, eta = p$eta)
      if (is(fit, "stanfit")) {
        dr <- as.matrix(fit, pars = ref$names)
        f$names <- I(colnames(dr)); f$mean <- I(as.numeric(colMeans(dr))); f$sd <- I(as.numeric(apply(dr, 2, sd)))
        f$ok <- TRUE
      } else { f$ok <- FALSE; f$message <- substr(as.character(fit), 1, 300) }
      fits[[length(fits) + 1]] <- f
    }
    list(ok = TRUE, compileSeconds = b$seconds, cached = b$cached, reference = ref, fits = fits)
  }, error = function(e) list(ok = FALSE, message = substr(conditionMessage(e), 1, 500)))
  bench_write(res, a$out)
}
bench_write(res, a$out)
