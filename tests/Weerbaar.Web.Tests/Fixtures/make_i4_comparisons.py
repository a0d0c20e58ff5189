#!/usr/bin/python3
"""Expected I4 code comparisons for ComparisonCodeTests (tests/Weerbaar.Web.Tests/Scan/ComparisonCodeTests.cs).

Builds a hand-designed set of responses (only I4 answered) and computes, independently of the C# code, the
per-code tests by stedelijkheid (2 groups) and by provincie (3 groups) with scipy:
  - 2 groups: scipy.stats.fisher_exact (two-sided) when an expected count is below 5, else
    scipy.stats.chi2_contingency(correction=False); 3 groups: chi2_contingency(correction=False) always;
  - Cramér's V = sqrt(X² / (N (min(r, c) - 1))) from the uncorrected X²; odds ratio (2 groups) = fisher_exact's statistic;
  - no test (p None) when nobody or everybody chose the code;
  - Holm across the codes with a p (written out here, not imported).
Run: /usr/bin/python3 make_i4_comparisons.py > i4_comparisons.json
"""
import csv
import json
import math
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "..", "src", "Weerbaar.Web", "Data", "Reference", "gemeenten_2024.csv")
CODES = ["OOV", "CRISIS", "BEDRIJF", "SOCIAAL", "RUIMTE", "COMM", "DIRECTIE", "NIET", "ANDERS"]

# Respondents i = 0..19 of a group choose code c when i < chosen[c]; COMM everybody, SOCIAAL and NIET nobody.
DESIGN = {
    "urban": {"gemeenten": ["GM0014", "GM0106", "GM0080"], "answered": 20, "unanswered": 2,
              "chosen": {"OOV": 18, "CRISIS": 4, "BEDRIJF": 1, "RUIMTE": 2, "COMM": 20, "DIRECTIE": 7, "ANDERS": 3}},
    "rural": {"gemeenten": ["GM0088", "GM0093", "GM0096"], "answered": 20, "unanswered": 3,
              "chosen": {"OOV": 10, "CRISIS": 11, "BEDRIJF": 5, "RUIMTE": 0, "COMM": 20, "DIRECTIE": 3, "ANDERS": 1}},
}


def reference():
    with open(REFERENCE, encoding="utf-8") as f:
        return {r["gemeentecode"]: r for r in csv.DictReader(f)}


def rows():
    out = []
    for name, d in DESIGN.items():
        for i in range(d["answered"] + d["unanswered"]):
            codes = [c for c in CODES if i < d["answered"] and i < d["chosen"].get(c, 0)]
            out.append({
                "respondent": f"{name}-{i:02d}",
                "gemeente": d["gemeenten"][i % len(d["gemeenten"])],
                "i4": "|".join(codes),
                "i4Anders": "Griffie" if "ANDERS" in codes else "",
            })
    return out


def holm(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    adjusted, running = [0.0] * m, 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * ps[i]))
        adjusted[i] = running
    return adjusted


def finite(x):
    return None if x is None or not math.isfinite(x) else float(x)


def compare(data, key_of):
    keys = sorted({key_of(r) for r in data})  # Python sorts str by code point: ordinal, as the C# code
    groups = [[r for r in data if key_of(r) == k] for k in keys]
    answered = [sum(1 for r in g if r["i4"]) for g in groups]
    tests = []
    for code in CODES:
        chosen = [sum(1 for r in g if code in r["i4"].split("|")) for g in groups]
        table = np.array([[chosen[k], answered[k] - chosen[k]] for k in range(len(groups))])
        t = {"code": code, "answered": answered, "chosen": chosen, "statistic": None, "df": None, "p": None,
             "effectSize": None, "oddsRatio": None, "lowExpected": False}
        two = len(groups) == 2
        t["test"] = "fisher-exact" if two else "chi-square"
        if two:
            t["oddsRatio"] = finite(stats.fisher_exact(table).statistic)
        if table[:, 0].sum() > 0 and table[:, 1].sum() > 0:
            chi2, p, df, expected = stats.chi2_contingency(table, correction=False)
            v = math.sqrt(chi2 / (table.sum() * (min(table.shape) - 1)))
            low = bool((expected < 5).any())
            t["effectSize"] = v
            if two and low:
                t["p"] = float(stats.fisher_exact(table, alternative="two-sided").pvalue)
            else:
                t.update(test="chi-square", statistic=float(chi2), df=int(df), p=float(p), lowExpected=low)
        tests.append(t)
    with_p = [t for t in tests if t["p"] is not None]
    for t, a in zip(with_p, holm([t["p"] for t in with_p])):
        t["pHolm"] = a
    for t in tests:
        t.setdefault("pHolm", None)
    return {"groups": [{"key": k, "n": len(g)} for k, g in zip(keys, groups)], "codeTests": tests}


def main():
    ref = reference()
    data = rows()
    out = {
        "generator": "tests/Weerbaar.Web.Tests/Fixtures/make_i4_comparisons.py",
        "scipy": __import__("scipy").__version__,
        "rows": data,
        "stedelijkheid": compare(data, lambda r: "1" if 1 <= int(ref[r["gemeente"]]["stedelijkheid_modaal"]) <= 3 else "2"),
        "provincie": compare(data, lambda r: ref[r["gemeente"]]["provincie"]),
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
