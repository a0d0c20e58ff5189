#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Statistics.PercentileRank.MidRank -> percentile_rank.json.

scipy.stats.percentileofscore(values, score, kind="mean"): the mean of the "strict" (share below) and "weak"
(share below or equal) percentiles, i.e. 100 x (below + half the ties) / n. Not computed from that formula here:
the reference is scipy's own function.

Run with Debian's python3-scipy:  /usr/bin/python3 make_percentile_rank.py
"""
import json

import numpy as np
import scipy
from scipy import stats


def case(name, values, score, note=""):
    return {"name": name, "note": note, "values": [float(v) for v in values], "score": float(score),
            "percentile": float(stats.percentileofscore(values, score, kind="mean"))}


rng = np.random.default_rng(20261123)
# One pillar score (1-10) per gemeente, roughly as in the national scan (mean around 6).
scores_342 = [int(v) for v in np.clip(np.round(rng.normal(6.0, 1.6, 342)), 1, 10)]
means = [float(v) for v in np.round(rng.normal(3.2, 0.7, 57), 3)]

cases = [
    case("distinct", [1, 2, 3, 4, 5], 3, note="below 2, tie 1: (2 + 0.5)/5"),
    case("ties", [5, 7, 6, 5, 8, 4, 9, 3, 5, 6, 7, 2], 5, note="the Web test's EC scores: (3 + 1.5)/12"),
    case("all-equal", [6, 6, 6, 6, 6], 6, note="everyone tied: 50"),
    case("lowest", [2, 3, 4, 5, 6], 2, note="only its own tie: 10"),
    case("highest", [2, 3, 4, 5, 6], 6, note="90"),
    case("below-all", [2, 3, 4, 5, 6], 1, note="not among the values: 0"),
    case("above-all", [2, 3, 4, 5, 6], 11, note="not among the values: 100"),
    case("between", [1, 2, 2, 4, 7], 3, note="not among the values, between ties: 60"),
    case("single", [7], 7, note="n = 1: 50"),
    case("fractions", [2.5, 3.25, 3.25, 4.0, 1.75, 3.25], 3.25, note="Likert means"),
    case("realistic-342-score-4", scores_342, 4),
    case("realistic-342-score-6", scores_342, 6),
    case("realistic-342-score-10", scores_342, 10),
    case("means-57", means, means[13], note="continuous values, score one of them"),
]

out = {"generator": "make_percentile_rank.py", "numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}
with open("percentile_rank.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
for c in cases:
    print(c["name"], len(c["values"]), c["score"], c["percentile"])
