#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Rankings.RankingAnalysis -> rankings-pillars.json.

Written from the definitions, independently of the C# code:
  mean rank and share ranked first (rank equal to the row minimum) over the non-empty rows;
  Borda count = sum of (m - rank);
  counts[a][b] = number of rows with rank[a] < rank[b];
  Condorcet winner = item with counts[a][b] > counts[b][a] for every other b;
  Condorcet order = found by brute force over all m! orders: an order in which every earlier item beats every
  later one by strict majority (null if no order qualifies: a cycle or a pairwise tie);
  Kendall's W = chi2 / (n (m - 1)) with chi2 from scipy.stats.friedmanchisquare (tie-corrected Friedman test on
  the items as related samples); p from the same call.
Rows that are entirely empty (None) are ignored.

Run with Debian's python3-scipy:  /usr/bin/python3 make_rankings-pillars.py
"""
import itertools
import json

import numpy as np
import scipy
from scipy import stats


def case(name, m, rows, note=""):
    used = np.array([r for r in rows if any(v is not None for v in r)], dtype=float).reshape(-1, m)
    n = used.shape[0]
    counts = [[int(sum(1 for row in used if row[a] < row[b])) for b in range(m)] for a in range(m)]
    beats = [[counts[a][b] > counts[b][a] for b in range(m)] for a in range(m)]
    winner = next((a for a in range(m) if all(beats[a][b] for b in range(m) if b != a)), None)
    orders = [list(o) for o in itertools.permutations(range(m))
              if all(beats[o[i]][o[j]] for i in range(m) for j in range(i + 1, m))]
    assert len(orders) <= 1
    concordance = None
    if n > 0:
        chi2, p = stats.friedmanchisquare(*[used[:, j] for j in range(m)])
        concordance = {"w": float(chi2 / (n * (m - 1))), "chiSquare": float(chi2), "df": m - 1, "p": float(p)}
    return {
        "name": name, "note": note, "m": m, "rows": rows, "n": n, "ignored": len(rows) - n,
        "meanRank": [float(used[:, j].mean()) if n else None for j in range(m)],
        "shareFirst": [float(np.mean(used[:, j] == used.min(axis=1))) if n else None for j in range(m)],
        "borda": [float((m - used[:, j]).sum()) for j in range(m)],
        "counts": counts,
        "preferences": [[counts[a][b] / n if n else 0.0 for b in range(m)] for a in range(m)],
        "condorcetWinner": winner,
        "condorcetOrder": orders[0] if orders else None,
        "concordance": concordance,
    }


def plackett_luce(rng, weights, respondents, empty_rate):
    """Rankings drawn item by item with probability proportional to the weights; some respondents skip."""
    m = len(weights)
    rows = []
    for _ in range(respondents):
        if rng.random() < empty_rate:
            rows.append([None] * m)
            continue
        left = list(range(m))
        rank = [0] * m
        for place in range(1, m + 1):
            w = np.array([weights[i] for i in left])
            pick = left[rng.choice(len(left), p=w / w.sum())]
            rank[pick] = place
            left.remove(pick)
        rows.append(rank)
    return rows


rng = np.random.default_rng(20260115)
# Pillars in codebook order EC, CO, VV, SW, ZR, SO; weights so that the mean ranks resemble the published
# 2.55 / 3.51 / 3.03 / 4.25 / 3.05 / 4.61.
pillars = plackett_luce(rng, [3.2, 1.5, 2.3, 0.9, 2.2, 0.7], 104, 0.06)
pillars_large = plackett_luce(rng, [3.2, 1.5, 2.3, 0.9, 2.2, 0.7], 342, 0.1)

a, b, c = 0, 1, 2


def perm(order, m):
    """Ranks from an order of item indices (first = rank 1)."""
    r = [0] * m
    for place, item in enumerate(order, start=1):
        r[item] = place
    return r


tail = [3, 4, 5]
cycle = ([perm([a, b, c] + tail, 6)] * 4 + [perm([b, c, a] + tail, 6)] * 3 + [perm([c, a, b] + tail, 6)] * 2)
# Item 5 beats everyone (first for 6 of 9), but 0 > 1 > 2 > 0 below it.
winner_over_cycle = ([perm([5, a, b, c, 3, 4], 6)] * 4 + [perm([b, c, 5, a, 3, 4], 6)] * 3
                     + [perm([5, c, a, b, 3, 4], 6)] * 2)

cases = [
    case("pillars-realistic", 6, pillars, note="~100 respondents, Plackett-Luce, some skipped the ranking"),
    case("pillars-realistic-342", 6, pillars_large, note="one answer per gemeente, 10% skipped the ranking"),
    case("condorcet-cycle", 6, cycle, note="0 > 1 > 2 > 0 by 6:3, 7:2, 5:4 at the top: no winner, no order"),
    case("winner-over-cycle", 6, winner_over_cycle, note="Condorcet winner 5 but a cycle below: no full order"),
    case("classic-cycle-3", 3, [[1, 2, 3], [3, 1, 2], [2, 3, 1]], note="the voting paradox; W = 0"),
    case("pairwise-ties", 3, [[1, 2, 3], [3, 2, 1]], note="two opposite rankings: every pair tied"),
    case("unanimous", 4, [[2, 1, 4, 3]] * 5, note="W = 1"),
    case("single-respondent", 6, [[None] * 6, [3, 1, 2, 6, 4, 5]], note="n = 1: W = 1, order = that ranking"),
    case("tied-ranks", 4, [[1, 2.5, 2.5, 4], [1.5, 1.5, 3, 4], [2, 1, 4, 3], [2.5, 2.5, 2.5, 2.5], [1, 2, 3, 4],
                           [2, 2, 2, 4]], note="mid-ranks; tie-corrected W"),
]

out = {"generator": "make_rankings-pillars.py", "numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}
with open("rankings-pillars.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
for c in cases:
    print(c["name"], c["n"], c["meanRank"], c["condorcetWinner"], c["condorcetOrder"], c["concordance"])
