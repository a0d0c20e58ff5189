#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Reliability.CronbachAlpha -> reliability-alpha.json.

Written from the definitions, independently of the C# code:
  alpha = k/(k-1) * (1 - sum(var_i) / var_total), sample variances (ddof=1), on complete cases
  (listwise deletion: a respondent with any missing / 'weet niet' item is dropped);
  Feldt (1965) interval: lower = 1 - (1-alpha) * F.ppf(1-g/2, n-1, (n-1)(k-1)),
                         upper = 1 - (1-alpha) * F.ppf(g/2,   n-1, (n-1)(k-1)), g = 1 - level;
  item-rest correlation = Pearson r (scipy.stats.pearsonr) of the item with the sum of the other items;
  alpha-if-deleted = the same alpha formula on the other k-1 items.
As a check alpha is also computed as Hoyt's ANOVA estimate 1 - MS_residual / MS_persons.
Undefined values (n < 2, k < 2, zero total variance, zero-variance correlations) are written as null.

Run with Debian's python3-scipy:  /usr/bin/python3 make_reliability-alpha.py
"""
import json

import numpy as np
import scipy
from scipy import stats


def alpha_of(x):
    n, k = x.shape
    if n < 2 or k < 2:
        return None
    total_var = np.var(x.sum(axis=1), ddof=1)
    if total_var == 0:
        return None
    a = k / (k - 1) * (1 - np.var(x, axis=0, ddof=1).sum() / total_var)
    # Hoyt (1941): two-way ANOVA persons x items without replication.
    grand = x.mean()
    ss_p = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_i = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_e = ((x - grand) ** 2).sum() - ss_p - ss_i
    hoyt = 1 - (ss_e / ((n - 1) * (k - 1))) / (ss_p / (n - 1))
    assert abs(a - hoyt) < 1e-12, (a, hoyt)
    return float(a)


def pearson_or_none(x, y):
    if np.var(x) == 0 or np.var(y) == 0:
        return None
    return float(stats.pearsonr(x, y)[0])


def case(name, rows, level=0.95, note=""):
    k = len(rows[0]) if rows else 0
    complete = np.array([r for r in rows if all(v is not None for v in r)], dtype=float).reshape(-1, k)
    n = complete.shape[0]
    a = alpha_of(complete)
    lower = upper = None
    if a is not None:
        g = 1 - level
        df1, df2 = n - 1, (n - 1) * (k - 1)
        lower = float(1 - (1 - a) * stats.f.ppf(1 - g / 2, df1, df2))
        upper = float(1 - (1 - a) * stats.f.ppf(g / 2, df1, df2))
    items = []
    if n >= 2:
        for i in range(k):
            col = complete[:, i]
            rest = np.delete(complete, i, axis=1)
            items.append({
                "mean": float(col.mean()),
                "variance": float(np.var(col, ddof=1)),
                "itemRest": pearson_or_none(col, rest.sum(axis=1)) if k >= 2 else None,
                "alphaIfDeleted": alpha_of(rest) if k >= 3 else None,
            })
    return {"name": name, "note": note, "confidenceLevel": level, "rows": rows,
            "n": n, "alpha": a, "lower": lower, "upper": upper, "items": items}


def likert(rng, respondents, loadings, thresholds, missing_rate):
    """Ordinal items from one latent factor; None for missing / 'weet niet'."""
    latent = rng.normal(size=respondents)
    rows = []
    for p in range(respondents):
        row = []
        for j, lam in enumerate(loadings):
            y = lam * latent[p] + np.sqrt(1 - lam ** 2) * rng.normal()
            v = 1 + int(np.searchsorted(thresholds[j], y))
            row.append(None if rng.random() < missing_rate else v)
        rows.append(row)
    return rows


rng = np.random.default_rng(20251201)
# Bewustzijn-like: five items, unequal loadings and skewed thresholds (many ties on 3 and 4).
bewustzijn = likert(rng, 108, [0.75, 0.6, 0.45, 0.7, 0.55],
                    [[-1.8, -1.0, 0.2, 1.3], [-2.0, -1.2, -0.1, 1.0], [-0.3, 0.5, 1.2, 2.0],
                     [-1.5, -0.6, 0.4, 1.5], [-1.7, -0.8, 0.3, 1.4]], 0.02)
inzicht = likert(rng, 101, [0.7, 0.8, 0.5], [[-1.2, -0.5, 0.6, 1.6], [-0.4, 0.3, 1.0, 1.9],
                                             [-0.8, 0.0, 0.9, 1.8]], 0.03)

cases = [
    case("likert-bewustzijn-5items", bewustzijn, note="~100 respondents, 5 items, ties, a few missing/WN rows"),
    case("likert-bewustzijn-5items-90", bewustzijn, level=0.90, note="same data, 90% interval"),
    case("likert-inzicht-3items", inzicht, note="3 items, a few missing/WN rows"),
    case("tiny-n2", [[1, 2, 3], [3, 3, 5]], note="two respondents: df1 = 1"),
    case("tiny-n3-k2", [[1, 2], [2, 2], [4, 5]], note="three respondents, two items"),
    case("zero-variance-item", [[3, 1, 2, 4], [3, 2, 2, 5], [3, 4, 3, 4], [3, 5, 5, 5], [3, 3, 4, 3]],
         note="item 0 is constant: its item-rest r is null, alpha is still defined"),
    case("zero-total-variance", [[2, 4], [3, 3], [4, 2], [1, 5]],
         note="every total is 6: alpha is 0/0 -> null"),
    case("identical-rows", [[2, 3, 4]] * 4, note="no variance at all -> null"),
    case("negative-alpha", [[1, 5, 3], [2, 4, 3], [3, 3, 2], [4, 2, 2], [5, 1, 1]],
         note="items 0 and 1 perfectly negatively correlated: alpha < 0"),
    case("listwise-deletion", [[1, 2, 2], [None, 3, 3], [2, 2, 3], [4, 4, None], [3, 4, 4], [None, None, None],
                               [5, 4, 5], [2, 1, 2]],
         note="3 of 8 rows have a missing/WN value and are dropped"),
    case("listwise-leaves-one", [[1, 2, 3], [None, 2, 3], [2, None, 4]], note="one complete case -> null"),
    case("all-missing", [[None, None], [None, None]], note="no complete case"),
    case("single-item", [[1], [2], [4]], note="k = 1 -> null"),
]

out = {"generator": "make_reliability-alpha.py", "numpy": np.__version__, "scipy": scipy.__version__,
       "cases": cases}
with open("reliability-alpha.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("\n".join(f"{c['name']}: n={c['n']} alpha={c['alpha']} [{c['lower']}, {c['upper']}]" for c in cases))
