#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Agreement.CohensKappa -> agreement-kappa.json.

Written from the definitions, independently of the C# code (sklearn is not installed; the definition is the
reference), in exact rational arithmetic (fractions.Fraction) up to the final square roots. With p = confusion / n, r = row margins (coder 1), c = column margins (coder 2):
  po = trace(p), pe = r . c, kappa = (po - pe) / (1 - pe)
  Var(kappa)  = [sum_i p_ii (1 - (r_i + c_i)(1 - kappa))^2 + (1 - kappa)^2 sum_{i!=j} p_ij (c_i + r_j)^2
                 - (kappa - pe (1 - kappa))^2] / (n (1 - pe)^2)          (Fleiss, Cohen & Everitt 1969)
  Var0(kappa) = [pe + pe^2 - sum_i r_i c_i (r_i + c_i)] / (n (1 - pe)^2)
  interval = kappa -/+ norm.ppf(1 - g/2) * SE;  z = kappa / SE0;  p = 2 norm.sf(|z|).
Categories: the codes either coder used, sorted, unless the case lists them. Pairs with a missing code are dropped.

Run with Debian's python3-scipy:  /usr/bin/python3 make_agreement-kappa.py
"""
import json
import math
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats


def case(name, coder1, coder2, categories=None, level=0.95, note=""):
    pairs = [(a, b) for a, b in zip(coder1, coder2) if a is not None and b is not None]
    cats = categories if categories is not None else sorted({x for pair in pairs for x in pair})
    q = len(cats)
    table = np.zeros((q, q), dtype=int)
    for a, b in pairs:
        table[cats.index(a), cats.index(b)] += 1
    n = len(pairs)
    out = {"name": name, "note": note, "coder1": coder1, "coder2": coder2, "categoriesGiven": categories,
           "confidenceLevel": level, "n": n, "excluded": len(coder1) - n, "categories": cats,
           "confusion": table.tolist()}
    keys = ["po", "pe", "kappa", "se", "lower", "upper", "se0", "z", "p"]
    out.update({k: None for k in keys})
    if n == 0:
        return out
    # Exact rational arithmetic, so that values that are exactly 0 (a variance at kappa = 1) stay exactly 0.
    p = [[Fraction(int(table[i, j]), n) for j in range(q)] for i in range(q)]
    r = [sum(p[i]) for i in range(q)]
    c = [sum(p[i][j] for i in range(q)) for j in range(q)]
    po, pe = sum(p[i][i] for i in range(q)), sum(r[i] * c[i] for i in range(q))
    out.update(po=float(po), pe=float(pe))
    if pe == 1:
        return out
    kappa = (po - pe) / (1 - pe)
    a = sum(p[i][i] * (1 - (r[i] + c[i]) * (1 - kappa)) ** 2 for i in range(q))
    b = sum(p[i][j] * (c[i] + r[j]) ** 2 for i in range(q) for j in range(q) if i != j)
    var = (a + (1 - kappa) ** 2 * b - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2)
    var0 = (pe + pe ** 2 - sum(r[i] * c[i] * (r[i] + c[i]) for i in range(q))) / (n * (1 - pe) ** 2)
    assert var >= 0 and var0 >= 0
    se, se0 = math.sqrt(var), math.sqrt(var0)
    zq = stats.norm.ppf(1 - (1 - level) / 2)
    k = float(kappa)
    z = k / se0 if se0 > 0 else None
    out.update(kappa=k, se=se, lower=float(k - zq * se), upper=float(k + zq * se), se0=se0,
               z=None if z is None else float(z), p=None if z is None else float(2 * stats.norm.sf(abs(z))))
    return out


rng = np.random.default_rng(20260201)
# Open answers to O1 coded into themes by two coders; coder 2 also uses ANDERS, coder 1 never does;
# a few answers were skipped by one coder.
themes = ["BUDGET", "CAPACITEIT", "KENNIS", "PRIORITEIT", "SAMENWERKING"]
truth = rng.choice(len(themes), size=84, p=[0.3, 0.25, 0.15, 0.2, 0.1])
coder1, coder2 = [], []
for t in truth:
    coder1.append(themes[t] if rng.random() < 0.9 else themes[rng.integers(len(themes))])
    u = rng.random()
    coder2.append(themes[t] if u < 0.75 else ("ANDERS" if u < 0.82 else themes[rng.integers(len(themes))]))
for i in rng.choice(len(coder1), size=4, replace=False):
    (coder1 if i % 2 else coder2)[i] = None

wiki1 = ["Yes"] * 25 + ["No"] * 25
wiki2 = ["Yes"] * 20 + ["No"] * 5 + ["Yes"] * 10 + ["No"] * 15
cases = [
    case("open-answers-realistic", coder1, coder2, note="84 answers, 5 themes + ANDERS used by coder 2 only, 4 skipped"),
    case("open-answers-realistic-90", coder1, coder2, level=0.90, note="same data, 90% interval"),
    case("wikipedia-example", wiki1, wiki2, note="po = 0.7, pe = 0.5, kappa = 0.4 (hand-worked in the C# test)"),
    case("perfect-agreement", ["A", "B", "C", "A", "B", "A"], ["A", "B", "C", "A", "B", "A"], note="kappa = 1, SE = 0"),
    case("chance-level", ["A"] * 10 + ["B"] * 10, ["A"] * 5 + ["B"] * 5 + ["A"] * 5 + ["B"] * 5,
         note="every cell 5: po = pe = 0.5, kappa = 0"),
    case("chance-level-3x3", ["A", "A", "A", "B", "B", "B", "C", "C", "C"], ["A", "B", "C"] * 3,
         note="uniform table: kappa = 0"),
    case("code-only-one-coder-used", ["X", "X", "Y", "Y", "Z", "Z", "X", "Y"], ["X", "X", "Y", "Y", "Y", "X", "X", "Y"],
         note="coder 1 uses Z, coder 2 never does"),
    case("declared-unused-category", ["X", "X", "Y", "Y", "Z", "Z", "X", "Y"], ["X", "X", "Y", "Y", "Y", "X", "X", "Y"],
         categories=["Z", "Y", "X", "W"], note="caller's order plus W that nobody used: same kappa"),
    case("systematic-disagreement", ["A", "B"] * 6, ["B", "A"] * 6, note="kappa = -1"),
    case("single-category", ["A"] * 5, ["A"] * 5, note="pe = 1: kappa undefined"),
    case("one-coder-constant", ["A"] * 6, ["A", "A", "B", "A", "B", "C"], note="kappa = 0 and SE0 = 0: no z"),
    case("nothing-coded-by-both", ["A", None], [None, "B"], note="n = 0"),
]

out = {"generator": "make_agreement-kappa.py", "numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}
with open("agreement-kappa.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
for c in cases:
    print(c["name"], c["n"], c["categories"], c["kappa"], c["se"], c["lower"], c["upper"], c["z"], c["p"])
