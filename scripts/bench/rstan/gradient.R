# rstan's grad_log_prob (log density + gradient, Jacobian included) at given unconstrained points, timed
# from R: each call goes R -> Rcpp -> the model's C++ gradient -> R, so its time includes R's per-call
# overhead (measured on its own with a one-parameter model, whose gradient itself costs nanoseconds).
#   Rscript gradient.R job.json out.json
#   job: { budgetSeconds, models: [{ name, stan, data, points: [[...], ...] }] }
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "common.R"))
a <- bench_args()
budget <- if (is.null(a$job$budgetSeconds)) 1.5 else a$job$budgetSeconds
res <- list(rstan = as.character(packageVersion("rstan")), models = list())
for (m in a$job$models) {
  say("gradient", m$name)
  r <- tryCatch({
    b <- bench_model(m$stan)
    fit <- suppressMessages(sampling(b$mod, data = bench_data(m$data), chains = 0))
    pts <- lapply(m$points, function(p) as.numeric(unlist(p)))
    g1 <- grad_log_prob(fit, pts[[1]], adjust_transform = TRUE)
    # Batches of `reps` calls (cycling over the points) until the time budget is spent; per-call
    # times of each batch, so the Node side can take the median and the fastest batch.
    reps <- 1
    repeat {
      t0 <- proc.time()[["elapsed"]]
      for (k in seq_len(reps)) grad_log_prob(fit, pts[[(k - 1) %% length(pts) + 1]], adjust_transform = TRUE)
      if (proc.time()[["elapsed"]] - t0 > budget / 20 || reps >= 1e6) break
      reps <- reps * 4
    }
    per <- c()
    start <- proc.time()[["elapsed"]]
    while (length(per) < 5 || (proc.time()[["elapsed"]] - start < budget && length(per) < 41)) {
      t0 <- proc.time()[["elapsed"]]
      for (k in seq_len(reps)) grad_log_prob(fit, pts[[(k - 1) %% length(pts) + 1]], adjust_transform = TRUE)
      per <- c(per, (proc.time()[["elapsed"]] - t0) / reps)
    }
    list(ok = TRUE, dim = get_num_upars(fit), compileSeconds = b$seconds, cached = b$cached, reps = reps,
         secondsPerCall = I(per), logProb = attr(g1, "log_prob"), gradient = I(as.numeric(g1)))
  }, error = function(e) list(ok = FALSE, message = substr(conditionMessage(e), 1, 500)))
  res$models[[m$name]] <- r
  bench_write(res, a$out)
}
bench_write(res, a$out)
