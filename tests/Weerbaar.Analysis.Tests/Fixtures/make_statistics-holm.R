# Reference values for Weerbaar.Analysis.Statistics.MultipleComparisons.Holm, made with R's
# p.adjust(method = "holm") (Debian r-base-core). Writes statistics-holm.json next to this script.
#
# Run in this folder:  Rscript make_statistics-holm.R
#
# No JSON package is needed: the file is written by hand with 17 significant digits, which
# round-trips an IEEE double exactly.

families <- list(
  list(name = "empty", p = numeric(0)),
  list(name = "one", p = c(0.03)),
  list(name = "textbook", p = c(0.01, 0.04, 0.03, 0.005)),
  list(name = "monotonicity enforced", p = c(0.02, 0.021, 0.019, 0.5, 0.0001)),
  list(name = "capped at one", p = c(0.4, 0.6, 0.9, 0.35)),
  list(name = "ties", p = c(0.01, 0.01, 0.04, 0.04, 0.2)),
  list(name = "zeros and ones", p = c(0, 1, 0.5, 0)),
  list(name = "scan family of 44 questions",
       p = c(0.0162046139447337, 0.21311343927562998, 0.08316647014744491, 0.0001234, 0.75,
             0.0049, 0.31, 0.9, 0.044, 0.0021, 0.12, 0.6, 0.0007, 0.27, 0.033, 0.58, 0.99,
             0.0102, 0.15, 0.41, 0.0000031, 0.082, 0.0033, 0.47, 0.71, 0.26, 0.019, 0.064,
             0.88, 0.36, 0.0051, 0.0123, 0.22, 0.53, 0.0009, 0.17, 0.95, 0.028, 0.39, 0.0044,
             0.63, 0.072, 0.011, 0.3))
)

num <- function(v) paste(trimws(formatC(v, digits = 17, format = "g")), collapse = ", ")
cases <- vapply(families, function(f) {
  adj <- p.adjust(f$p, method = "holm")
  sprintf('  {"name": "%s", "p": [%s], "expected": [%s]}', f$name, num(f$p), num(adj))
}, character(1))

out <- c("{",
         '"generator": "make_statistics-holm.R",',
         sprintf('"r": "%s",', R.version.string),
         '"note": "p.adjust(p, method = \\"holm\\")",',
         '"cases": [',
         paste(cases, collapse = ",\n"),
         "]",
         "}")
writeLines(out, "statistics-holm.json")
