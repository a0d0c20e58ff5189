#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Statistics, made with scipy (Debian python3-scipy).

Writes statistics-wilson.json, statistics-mean.json, statistics-mannwhitney.json,
statistics-kruskal.json, statistics-wilcoxon.json, statistics-chisquare.json and
statistics-fisher.json next to this script. Holm adjustment comes from R: make_statistics-holm.R.

Run in this folder:  /usr/bin/python3 make_statistics.py

Every case stores its inputs, so the C# tests read both inputs and expected outputs from here.
A case where the C# code must give "no test" has "expected": null. Non-finite numbers are never
written (JSON has none); they are mapped to null with a comment in the case.
"""

import json
import math
import os

import numpy as np
import scipy
import scipy.stats as st
from scipy.stats.contingency import association, expected_freq

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = {
    "generator": "make_statistics.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
}


def write(name, cases, note):
    doc = dict(HEADER)
    doc["note"] = note
    doc["cases"] = cases
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")


def fl(v):
    return [float(x) for x in v]


# ---------------------------------------------------------------- data
rng = np.random.RandomState(20260115)


def likert(n, probs):
    return [int(v) for v in rng.choice([1, 2, 3, 4, 5], size=n, p=probs)]


def scores(n, probs):
    return [int(v) for v in rng.choice(list(range(1, 11)), size=n, p=probs)]


URBAN_P = [0.05, 0.12, 0.33, 0.38, 0.12]
RURAL_P = [0.08, 0.17, 0.35, 0.30, 0.10]
SCORE_URBAN = [0.01, 0.02, 0.05, 0.10, 0.17, 0.22, 0.22, 0.14, 0.05, 0.02]
SCORE_RURAL = [0.02, 0.03, 0.07, 0.12, 0.20, 0.22, 0.18, 0.10, 0.04, 0.02]

likert_urban_56 = likert(56, URBAN_P)
likert_rural_45 = likert(45, RURAL_P)
likert_urban_190 = likert(190, URBAN_P)
likert_rural_152 = likert(152, RURAL_P)
score_urban_56 = scores(56, SCORE_URBAN)
score_rural_45 = scores(45, SCORE_RURAL)
# Paired bewustzijn / inzicht of one pillar: inzicht tends to be a little lower.
bewustzijn_98 = likert(98, [0.03, 0.10, 0.30, 0.40, 0.17])
inzicht_98 = [int(min(5, max(1, b + d))) for b, d in
              zip(bewustzijn_98, rng.choice([-2, -1, 0, 1], size=98, p=[0.08, 0.35, 0.45, 0.12]))]

# Strongly different groups give tiny p-values, which test the relative precision of the tails.
strong_high_60 = likert(60, [0.0, 0.02, 0.08, 0.40, 0.50])
strong_low_50 = likert(50, [0.40, 0.40, 0.15, 0.05, 0.0])

# ---------------------------------------------------------------- 1. Wilson
# Wilson score interval, computed from its formula with scipy.stats.norm.ppf:
#   centre = (k + z^2/2) / (n + z^2),  half = z / (n + z^2) * sqrt(k (n - k) / n + z^2 / 4)
wilson_cases = []
for k, n, conf in [(0, 0, 0.95), (0, 1, 0.95), (1, 1, 0.95), (0, 10, 0.95), (10, 10, 0.95),
                   (1, 2, 0.95), (3, 10, 0.95), (89, 101, 0.95), (93, 101, 0.95), (50, 101, 0.95),
                   (22, 101, 0.95), (12, 100, 0.95), (2, 75, 0.95), (190, 342, 0.95),
                   (81, 101, 0.90), (81, 101, 0.99), (1, 1000, 0.95)]:
    case = {"name": f"{k} of {n} at {conf:g}", "successes": k, "trials": n, "confidence": conf}
    if n == 0:
        case["expected"] = None
    else:
        z = st.norm.ppf(1 - (1 - conf) / 2)
        p = k / n
        denom = n + z * z
        centre = (k + z * z / 2) / denom
        half = z / denom * math.sqrt(k * (n - k) / n + z * z / 4)
        # k = 0 and k = n give exactly 0 and 1 mathematically; clamp the float noise.
        case["expected"] = {"proportion": p, "lower": max(0.0, centre - half),
                            "upper": min(1.0, centre + half)}
    wilson_cases.append(case)
write("statistics-wilson.json", wilson_cases,
      "Wilson score interval from its closed form with scipy.stats.norm.ppf; n = 0 -> null.")

# ---------------------------------------------------------------- 2. Mean, sd, t CI
def t_quantile(conf, df):
    """Two-sided t quantile. scipy 1.10's t.ppf (cdflib stdtrit) stops its root search early and is off by
    up to ~2e-9 relative (t.ppf(0.975, 44) = 2.015367569912941, R qt gives 2.0153675744437636). Newton steps
    on scipy's own, accurate, t.sf polish it; the result agrees with R's qt to ~1e-15 for df 1..341."""
    tail = (1 - conf) / 2
    t = st.t.ppf(1 - tail, df)
    for _ in range(4):
        t += (st.t.sf(t, df) - tail) / st.t.pdf(t, df)
    return t


mean_cases = []
for name, values, conf in [
    ("empty", [], 0.95),
    ("one value", [4], 0.95),
    ("two values", [2, 5], 0.95),
    ("three values", [1, 2, 2], 0.95),
    ("all equal", [3, 3, 3, 3], 0.95),
    ("decimals", [5.5, 6.25, 7.0, 4.75, 6.0], 0.95),
    ("likert urban 56", likert_urban_56, 0.95),
    ("score rural 45", score_rural_45, 0.95),
    ("score urban 56 at 90%", score_urban_56, 0.90),
    ("likert urban 190", likert_urban_190, 0.95),
]:
    a = np.asarray(values, dtype=float)
    case = {"name": name, "values": fl(values), "confidence": conf}
    exp = {"n": len(values)}
    exp["mean"] = float(a.mean()) if len(values) > 0 else None
    if len(values) >= 2:
        sd = float(a.std(ddof=1))
        exp["sd"] = sd
        tq = t_quantile(conf, len(values) - 1)
        se = sd / math.sqrt(len(values))
        exp["lower"] = float(a.mean() - tq * se)
        exp["upper"] = float(a.mean() + tq * se)
        exp["tQuantile"] = float(tq)
    else:
        exp["sd"] = None
        exp["lower"] = None
        exp["upper"] = None
    case["expected"] = exp
    mean_cases.append(case)
write("statistics-mean.json", mean_cases,
      "Mean, sample sd (ddof=1), t interval mean +- t(1-(1-c)/2, n-1) * sd/sqrt(n) with scipy's t.ppf polished by "
      "Newton steps on t.sf (see t_quantile); n < 2 -> no sd/interval.")

# ---------------------------------------------------------------- 3. Mann-Whitney U
mwu_cases = []
for name, x, y in [
    ("no ties", [1.5, 3.1, 4.7, 8.2], [2.2, 5.9, 6.3, 7.4, 9.0]),
    ("ties", [1, 2, 2, 3, 3, 3, 4], [2, 3, 4, 4, 5, 5]),
    ("one each, different", [1], [2]),
    ("one vs three", [5], [1, 2, 3]),
    ("two vs three with ties", [3, 3], [3, 4, 4]),
    ("complete separation", [1, 1, 2], [4, 5, 5]),
    ("all equal", [3, 3, 3], [3, 3]),
    ("equal distributions", [1, 2, 3], [1, 2, 3]),
    ("unequal sizes", [2, 4, 4, 5, 1, 3, 3, 2, 5, 4, 4], [1, 2, 2, 3]),
    ("likert 56 vs 45", likert_urban_56, likert_rural_45),
    ("score 56 vs 45", score_urban_56, score_rural_45),
    ("likert 190 vs 152", likert_urban_190, likert_rural_152),
    ("strong difference, tiny p", strong_high_60, strong_low_50),
]:
    r = st.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method="asymptotic")
    n1, n2 = len(x), len(y)
    u1 = float(r.statistic)
    mwu_cases.append({
        "name": name, "x": fl(x), "y": fl(y),
        "expected": {"u": u1, "p": float(r.pvalue),
                     # rank-biserial, positive when x tends to be larger: 2 U1 / (n1 n2) - 1
                     "rankBiserial": 2.0 * u1 / (n1 * n2) - 1.0},
    })
mwu_cases.append({"name": "empty first group", "x": [], "y": [1.0, 2.0], "expected": None})
write("statistics-mannwhitney.json", mwu_cases,
      "scipy.stats.mannwhitneyu(x, y, use_continuity=True, alternative='two-sided', method='asymptotic'); "
      "u = U of x; rankBiserial = 2u/(n1 n2) - 1.")

# ---------------------------------------------------------------- 4. Kruskal-Wallis
kw_cases = []
for name, groups in [
    ("three groups no ties", [[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]]),
    ("ties", [[1, 2, 2, 3], [2, 3, 3, 4, 4], [4, 5, 5]]),
    ("one value per group", [[1], [2], [3]]),
    ("two groups", [[1, 2, 3], [2, 4]]),
    ("small unequal", [[1], [2, 2], [3, 3, 1]]),
    ("likert 56 vs 45", [likert_urban_56, likert_rural_45]),
    ("likert five classes", [likert_urban_190[:40], likert_urban_190[40:110], likert_urban_190[110:],
                             likert_rural_152[:70], likert_rural_152[70:]]),
    ("strong difference, tiny p", [strong_high_60, strong_low_50, likert_urban_56]),
]:
    r = st.kruskal(*groups)
    n = sum(len(g) for g in groups)
    h = float(r.statistic)
    kw_cases.append({
        "name": name, "groups": [fl(g) for g in groups],
        "expected": {"h": h, "df": len(groups) - 1, "p": float(r.pvalue),
                     "epsilonSquared": h / ((n * n - 1) / (n + 1))},
    })
# scipy raises "All numbers are identical in kruskal"; Weerbaar reports H = 0, p = 1.
kw_cases.append({"name": "all equal (scipy raises; H = 0, p = 1 by choice)",
                 "groups": [[3.0, 3.0], [3.0], [3.0, 3.0, 3.0]],
                 "expected": {"h": 0.0, "df": 2, "p": 1.0, "epsilonSquared": 0.0}})
kw_cases.append({"name": "an empty group (scipy nan)", "groups": [[1.0, 2.0], []], "expected": None})
kw_cases.append({"name": "one group", "groups": [[1.0, 2.0]], "expected": None})
write("statistics-kruskal.json", kw_cases,
      "scipy.stats.kruskal(*groups) (tie-corrected H, chi-square p with k-1 df); "
      "epsilonSquared = H / ((n^2-1)/(n+1)).")

# ---------------------------------------------------------------- 5. Wilcoxon signed-rank
wx_cases = []
for name, x, y in [
    ("no ties no zeros", [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30],
     [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]),
    ("ties and zeros", [3, 4, 2, 5, 3, 4, 4, 2, 1, 3, 5, 4], [2, 4, 3, 3, 3, 2, 3, 2, 2, 1, 4, 2]),
    ("one pair", [4], [2]),
    ("two pairs", [4, 1], [2, 2]),
    ("three pairs one zero", [3, 3, 5], [3, 1, 4]),
    ("balanced", [1, 3], [2, 2]),
    ("all differences equal", [4, 4, 4, 4], [3, 3, 3, 3]),
    ("likert bewustzijn vs inzicht 98", bewustzijn_98, inzicht_98),
]:
    r = st.wilcoxon(x, y, zero_method="wilcox", correction=True, alternative="two-sided", method="approx")
    d = np.asarray(x, dtype=float) - np.asarray(y, dtype=float)
    d = d[d != 0]
    ranks = st.rankdata(np.abs(d))
    w_plus = float(ranks[d > 0].sum())
    w_minus = float(ranks[d < 0].sum())
    wx_cases.append({
        "name": name, "x": fl(x), "y": fl(y),
        "expected": {"statistic": float(r.statistic), "wPlus": w_plus, "wMinus": w_minus,
                     "n": int(len(d)), "p": float(r.pvalue), "z": float(r.zstatistic),
                     # matched-pairs rank-biserial (Kerby 2014), positive when x tends to exceed y
                     "rankBiserial": (w_plus - w_minus) / (w_plus + w_minus)},
    })
# scipy raises when every difference is zero; Weerbaar: no test.
wx_cases.append({"name": "all differences zero (scipy raises)", "x": [2.0, 3.0], "y": [2.0, 3.0],
                 "expected": None})
wx_cases.append({"name": "no pairs", "x": [], "y": [], "expected": None})
write("statistics-wilcoxon.json", wx_cases,
      "scipy.stats.wilcoxon(x, y, zero_method='wilcox', correction=True, alternative='two-sided', "
      "method='approx'); statistic = min(W+, W-); z as scipy's zstatistic; "
      "rankBiserial = (W+ - W-)/(W+ + W-).")

# ---------------------------------------------------------------- 6a. Chi-square
def crosstab(a, b):
    """Rows: answers 1..5; columns: the two groups."""
    return [[sum(1 for v in g if v == level) for g in (a, b)] for level in range(1, 6)]


chi_cases = []
for name, table in [
    ("2x2", [[12, 5], [7, 15]]),
    ("2x2 small expected", [[3, 1], [1, 4]]),
    ("2x3", [[10, 20, 30], [15, 15, 10]]),
    ("3x3", [[5, 8, 12], [9, 4, 7], [11, 10, 3]]),
    ("likert x urban/rural 56 vs 45", crosstab(likert_urban_56, likert_rural_45)),
    ("likert x urban/rural 190 vs 152", crosstab(likert_urban_190, likert_rural_152)),
    ("independent", [[10, 20], [20, 40]]),
    ("empty row dropped", [[4, 6], [0, 0], [9, 2]]),
    ("strong difference, tiny p", crosstab(strong_high_60, strong_low_50)),
]:
    arr = np.asarray(table)
    for yates in ([False, True] if arr.shape == (2, 2) else [False]):
        reduced = arr[arr.sum(axis=1) > 0][:, arr.sum(axis=0) > 0]
        r = st.chi2_contingency(reduced, correction=yates)
        chi_cases.append({
            "name": name + (" (Yates)" if yates else ""), "table": arr.tolist(), "yates": yates,
            "expected": {"statistic": float(r.statistic), "df": int(r.dof), "p": float(r.pvalue),
                         "expectedCounts": expected_freq(arr).tolist(),
                         "cramersV": float(association(reduced, method="cramer", correction=False)),
                         "anyExpectedBelowFive": bool((expected_freq(reduced) < 5).any())},
        })
# Everyone answered 4: one non-empty row, nothing to test (scipy: degenerate dof = 0, chi2 = 0, p = 1).
chi_cases.append({"name": "all answers equal", "table": [[0, 0], [0, 0], [0, 0], [7, 5], [0, 0]], "yates": False,
                  "expected": None})
chi_cases.append({"name": "one non-empty column", "table": [[3, 0], [4, 0]], "yates": False, "expected": None})
write("statistics-chisquare.json", chi_cases,
      "scipy.stats.chi2_contingency(table without empty rows/columns, correction=yates); "
      "expectedCounts from scipy.stats.contingency.expected_freq of the full table (0 in empty rows); "
      "cramersV = scipy.stats.contingency.association(method='cramer') (uncorrected chi-square).")

# ---------------------------------------------------------------- 6b. Fisher exact
fi_cases = []
for table in [[[8, 2], [1, 5]], [[3, 0], [0, 3]], [[1, 1], [1, 1]], [[0, 5], [5, 0]], [[2, 7], [8, 2]],
              [[6, 2], [2, 6]], [[1, 9], [11, 3]], [[0, 0], [3, 4]], [[10, 12], [11, 9]],
              [[45, 11], [30, 15]], [[150, 40], [110, 42]], [[0, 1], [1, 0]], [[4, 0], [1, 2]],
              [[55, 5], [6, 44]]]:
    r = st.fisher_exact(table, alternative="two-sided")
    (a, b), (c, d) = table
    odds = None if b * c == 0 else a * d / (b * c)
    fi_cases.append({"table": table, "expected": {"p": float(r.pvalue), "oddsRatio": odds}})
write("statistics-fisher.json", fi_cases,
      "scipy.stats.fisher_exact(table, alternative='two-sided'); oddsRatio = ad/(bc), null when bc = 0 "
      "(scipy: inf, or nan for an empty row/column).")
