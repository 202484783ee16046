# Shared by the rstan side of `npm run bench`: load rstan, read a job file written by the Node side,
# and get a compiled model from the cache (rstan's auto_write keeps a .rds beside each .stan file).
suppressMessages({ library(rstan); library(jsonlite) })
rstan_options(auto_write = TRUE)
options(mc.cores = 1)

bench_args <- function() {
  a <- commandArgs(trailingOnly = TRUE)
  list(job = fromJSON(a[1], simplifyVector = FALSE), out = a[2])
}

# The compiled model, and the seconds spent compiling it now (0 when it came from the cache).
bench_model <- function(stan_file) {
  rds <- sub("\\.stan$", ".rds", stan_file)
  cached <- file.exists(rds)
  t0 <- proc.time()[["elapsed"]]
  mod <- suppressMessages(stan_model(stan_file, model_name = sub("\\.stan$", "", basename(stan_file))))
  list(mod = mod, cached = cached, seconds = proc.time()[["elapsed"]] - t0)
}

bench_data <- function(file) fromJSON(file, simplifyVector = TRUE)

# I() keeps length-1 vectors as JSON arrays (auto_unbox would make them scalars).
bench_write <- function(x, file) writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", na = "null"), file)

say <- function(...) { cat("  [rstan]", ..., "\n", file = stderr()); flush(stderr()) }

# rstan's NUTS: 4 chains x (warmup + draws) by default, timed around sampling(). Returns wall seconds,
# the chains' own sampler seconds (get_elapsed_time: Stan's clock(), i.e. CPU seconds of the R process
# while each chain ran), the mean adapted step size, minimum bulk ESS over the parameters block and
# lp__ (posterior's ess_bulk), divergences, leapfrog steps (= gradient evaluations) and, per flattened
# parameter name, mean and sd (the NUTS reference the VI section compares against).
bench_nuts <- function(mod, data, seed, chains = 4, warmup = 1000, draws = 1000, cores = 1) {
  suppressMessages(library(posterior))
  t0 <- proc.time()[["elapsed"]]
  fit <- suppressWarnings(sampling(mod, data = data, chains = chains, iter = warmup + draws, warmup = warmup, seed = seed,
                  refresh = 0, cores = cores, open_progress = FALSE))
  wall <- proc.time()[["elapsed"]] - t0
  pars <- names(get_inits(fit)[[1]])
  arr <- as_draws_array(as.array(fit, pars = c(pars, "lp__")))
  s <- summarise_draws(arr, mean, sd, ess_bulk, rhat)
  sp <- get_sampler_params(fit, inc_warmup = TRUE)
  post <- (warmup + 1):(warmup + draws)
  et <- get_elapsed_time(fit)
  ps <- s[s$variable != "lp__", ]
  list(wallSeconds = wall, chainSeconds = sum(et), chains = chains, warmup = warmup, draws = draws, cores = cores,
       # constant entries (e.g. L_Omega[1,1]) have no ESS: NA, left out
       minEssBulk = min(s$ess_bulk, na.rm = TRUE), minEssVariable = s$variable[which.min(s$ess_bulk)],
       maxRhat = max(s$rhat, na.rm = TRUE),
       divergences = sum(sapply(sp, function(x) sum(x[post, "divergent__"]))),
       leapfrogs = sum(sapply(sp, function(x) sum(x[, "n_leapfrog__"]))),
       stepsize = mean(sapply(sp, function(x) x[warmup + 1, "stepsize__"])),
       names = I(ps$variable), mean = I(ps$mean), sd = I(ps$sd))
}
