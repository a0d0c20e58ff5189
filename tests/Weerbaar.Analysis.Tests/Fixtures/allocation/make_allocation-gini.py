#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Allocation.ServiceGini -> allocation-gini.json.

Gini over individuals, weighted by people count, written from the definition as a double sum with numpy
(independently of the C# code, which sorts):
  G = sum_i sum_j w_i w_j |f_i - f_j| / (2 W^2 mu),  W = sum w,  mu = sum w f / W;  G = 0 when mu = 0.
Cases: the hand-worked ones from the tests, ties, zero weights, and seeded random ones.

Run in this folder with Debian's python3-numpy:  /usr/bin/python3 make_allocation-gini.py
"""
import json

import numpy as np


def gini(fractions, weights):
    f = np.asarray(fractions, dtype=float)
    w = np.asarray(weights, dtype=float)
    total = w.sum()
    mu = (w * f).sum() / total if total > 0 else 0.0
    if total <= 0 or mu <= 0:
        return 0.0
    return float((np.outer(w, w) * np.abs(f[:, None] - f[None, :])).sum() / (2 * total**2 * mu))


cases = [
    ("two equal people, 0 and 1", [0, 1], [1, 1]),
    ("1 at 0, 3 at 1", [0, 1], [1, 3]),
    ("everyone equal", [0.4, 0.4, 0.4], [5, 10, 2]),
    ("nobody served", [0, 0], [3, 4]),
    ("ties and a zero weight", [0.2, 0.2, 0.9, 1.0, 0.5], [10, 0, 7, 3, 7]),
    ("strict priority hand case", [1, 1 / 3], [10, 20]),
]
rng = np.random.default_rng(2026)
for k in range(5):
    n = int(rng.integers(2, 60))
    cases.append((f"random {k}", rng.random(n).round(3).tolist(), rng.integers(0, 500, n).tolist()))

out = {"numpy": np.__version__, "cases": [{"name": n, "fractions": list(map(float, f)), "weights": list(map(float, w)), "gini": gini(f, w)} for n, f, w in cases]}
with open("allocation-gini.json", "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
