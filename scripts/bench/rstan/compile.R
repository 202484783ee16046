# Compiles (or loads from the cache) each model of the job; reports the compile seconds per model.
#   Rscript compile.R job.json out.json      job: { models: [{ name, stan }] }
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "common.R"))
a <- bench_args()
res <- list(rstan = as.character(packageVersion("rstan")), r = R.version.string, models = list())
for (m in a$job$models) {
  say("compiling", m$name)
  r <- tryCatch(bench_model(m$stan), error = function(e) conditionMessage(e))
  res$models[[m$name]] <- if (is.character(r)) list(ok = FALSE, message = substr(r, 1, 500)) else
    list(ok = TRUE, cached = r$cached, seconds = r$seconds)
  bench_write(res, a$out)
}
bench_write(res, a$out)
