# rstan's sampling() on each model of the job, once per seed: see bench_nuts in common.R for what is measured.
#   Rscript nuts.R job.json out.json      job: { seeds, chains, warmup, draws, cores, models: [{ name, stan, data }] }
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "common.R"))
a <- bench_args()
j <- a$job
res <- list(rstan = as.character(packageVersion("rstan")), models = list())
for (m in j$models) {
  say("NUTS", m$name)
  res$models[[m$name]] <- tryCatch({
    b <- bench_model(m$stan)
    data <- bench_data(m$data)
    runs <- lapply(j$seeds, function(s) bench_nuts(b$mod, data, s, j$chains, j$warmup, j$draws, j$cores))
    list(ok = TRUE, compileSeconds = b$seconds, cached = b$cached, runs = runs)
  }, error = function(e) list(ok = FALSE, message = substr(conditionMessage(e), 1, 500)))
  bench_write(res, a$out)
}
bench_write(res, a$out)
