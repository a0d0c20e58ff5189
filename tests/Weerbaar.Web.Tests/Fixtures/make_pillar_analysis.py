#!/usr/bin/python3
"""Expected pillar priorities and depth for PillarAnalysisApiTests (tests/Weerbaar.Web.Tests/Scan/PillarAnalysisApiTests.cs).

A hand-made set of responses, seeded so it is reproducible; expected values computed independently with numpy/scipy:
  - priorities over complete rankings only: mean rank, share ranked first, Borda = sum of (m - rank),
    preferences[a][b] = share ranking a above b, Condorcet order by pairwise strict majorities (None if not a strict order),
    Kendall's W from scipy.stats.friedmanchisquare (blocks = respondents): W = X² / (n (m - 1));
  - depth per pillar over respondents with both bewustzijn and inzicht on the scale ('WN' and empty left out):
    scipy.stats.wilcoxon(b, i, zero_method='wilcox', correction=True, method='approx') (the variant RankTests documents),
    z from its zstatistic, matched-pairs rank-biserial (W+ - W-)/(W+ + W-) from scipy.stats.rankdata; Holm across the
    pillars with a test (written out here).
Run: /usr/bin/python3 make_pillar_analysis.py > pillar_analysis.json
"""
import json
import random

import numpy as np
from scipy import stats

PILLARS = ["EC", "CO", "VV", "SW", "ZR", "SO"]
WEIGHTS = {"EC": 3.0, "CO": 1.2, "VV": 2.2, "SW": 0.7, "ZR": 1.6, "SO": 0.4}


def ranking(rng):
    left, order = dict(WEIGHTS), []
    while left:
        u, chosen = rng.random() * sum(left.values()), None
        for p, w in left.items():
            u -= w
            if u < 0:
                chosen = p
                break
        chosen = chosen or list(left)[-1]
        order.append(chosen)
        del left[chosen]
    return {p: order.index(p) + 1 for p in PILLARS}


def rows():
    rng = random.Random(20261123)
    out = []
    for r in range(17):
        answers = {}
        if r not in (3, 11):  # two respondents did not rank
            for p, k in ranking(rng).items():
                answers[f"{p}_rank"] = str(k)
        for p in PILLARS:
            if p == "SO":
                b = i = rng.randint(1, 5)  # every pair tied: no test
            else:
                b = min(5, max(1, round(3.6 + rng.gauss(0, 0.9))))
                i = min(5, max(1, round(3.0 + rng.gauss(0, 0.9))))
            answers[f"{p}_bewustzijn"] = "WN" if rng.random() < 0.08 else str(b)
            answers[f"{p}_inzicht"] = "WN" if rng.random() < 0.08 else ("" if rng.random() < 0.05 else str(i))
        out.append({"respondent": f"p-{r:02d}", "gemeente": "GM0363", "answers": answers})
    return out


def holm(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    adjusted, running = [0.0] * m, 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * ps[i]))
        adjusted[i] = running
    return adjusted


def priorities(data):
    ranks = np.array([[int(d["answers"][f"{p}_rank"]) for p in PILLARS] for d in data if f"EC_rank" in d["answers"]], dtype=float)
    n, m = ranks.shape
    items = [{"code": p, "meanRank": float(ranks[:, j].mean()), "shareFirst": float((ranks[:, j] == 1).mean()),
              "borda": float((m - ranks[:, j]).sum())} for j, p in enumerate(PILLARS)]
    counts = [[int((ranks[:, a] < ranks[:, b]).sum()) for b in range(m)] for a in range(m)]
    preferences = [[counts[a][b] / n for b in range(m)] for a in range(m)]
    wins = [sum(1 for b in range(m) if b != a and counts[a][b] > counts[b][a]) for a in range(m)]
    strict = all(counts[a][b] != counts[b][a] for a in range(m) for b in range(m) if a != b)
    order = [PILLARS[a] for a in sorted(range(m), key=lambda a: -wins[a])] if strict and len(set(wins)) == m else None
    friedman = stats.friedmanchisquare(*[ranks[:, j] for j in range(m)])
    concordance = {"w": float(friedman.statistic / (n * (m - 1))), "chiSquare": float(friedman.statistic), "df": m - 1, "p": float(friedman.pvalue)}
    return {"respondents": n, "items": items, "preferences": preferences, "condorcetOrder": order, "concordance": concordance}


def depth(data):
    out = []
    for p in PILLARS:
        pairs = [(int(d["answers"][f"{p}_bewustzijn"]), int(d["answers"][f"{p}_inzicht"])) for d in data
                 if d["answers"][f"{p}_bewustzijn"].isdigit() and d["answers"][f"{p}_inzicht"].isdigit()]
        b = np.array([x for x, _ in pairs], dtype=float)
        i = np.array([y for _, y in pairs], dtype=float)
        t = {"code": p, "pairs": len(pairs), "meanBewustzijn": float(b.mean()), "meanInzicht": float(i.mean()),
             "statistic": None, "z": None, "p": None, "effectSize": None}
        d = (b - i)[b != i]
        if len(d) > 0:
            res = stats.wilcoxon(b, i, zero_method="wilcox", correction=True, method="approx")
            r = stats.rankdata(np.abs(d))
            w_plus, w_minus = r[d > 0].sum(), r[d < 0].sum()
            t.update(statistic=float(res.statistic), z=float(res.zstatistic), p=float(res.pvalue),
                     effectSize=float((w_plus - w_minus) / (w_plus + w_minus)))
        out.append(t)
    tested = [t for t in out if t["p"] is not None]
    for t, a in zip(tested, holm([t["p"] for t in tested])):
        t["pHolm"] = a
    for t in out:
        t.setdefault("pHolm", None)
    return out


def main():
    data = rows()
    print(json.dumps({
        "generator": "tests/Weerbaar.Web.Tests/Fixtures/make_pillar_analysis.py",
        "scipy": __import__("scipy").__version__,
        "rows": data,
        "priorities": priorities(data),
        "depth": depth(data),
    }, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
