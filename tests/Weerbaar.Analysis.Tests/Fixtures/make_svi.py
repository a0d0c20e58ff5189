#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Vulnerability.SocialVulnerabilityIndex -> svi_reference.json.

Written from the method in docs/svi-method.md, independently of the C# code:
  sample: every 40th buurt of src/Weerbaar.Web/Data/Reference/buurten_2024.csv (rows 0, 40, 80, ...) plus every
  buurt of GM0344 (Utrecht), GM0014 (Groningen) and GM0086 (Opsterland);
  indicators: the default set "Weerbaar SVI 2024 (standaard)" -- share 65+ and share 0-15 (theme Leeftijd),
  average household size with LOWER = more vulnerable and share of households with children (Huishoudens),
  population density (Woonomgeving); weights 1;
  excluded: fewer than 50 residents, or a value that cannot be computed (0 households: share undefined);
  percentile rank = (r - 1) / (n - 1) with r = scipy.stats.rankdata(method="min") (Excel PERCENTRANK.INC),
  rounded half up to 4 decimals with exact fractions; a reversed indicator ranks the negated value;
  theme score = sum of weight * percentile (summed one by one, in indicator order) and overall score = the same over
  all indicators, both rounded to 10 decimals (rint(x * 1e10) / 1e10) before ranking;
  position = rankdata(-overall, method="min");
  flags = percentile >= 0.90; drivers = indicators with percentile >= 0.50, those >= 0.75 first, then by
  larger weight * percentile, then indicator order, at most 3;
  local ranks = the same within each gemeente of the sample (no local ranks for a gemeente with one ranked buurt);
  class = 1..4 by national overall percentile (< .25, < .5, < .75, >= .75).

Cross-check of the percentile ranks in R (same numbers; rank(ties.method = "min")):
  Rscript -e 'x <- c(5, 10, 20, 20, 30); round((rank(x, ties.method = "min") - 1) / (length(x) - 1), 4)'
  # 0.00 0.25 0.50 0.50 1.00

Run with Debian's python3-scipy, in this folder:  /usr/bin/python3 make_svi.py
"""
import csv
import json
import os
from fractions import Fraction

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "..", "src", "Weerbaar.Web", "Data", "Reference", "buurten_2024.csv")
GEMEENTEN = {"GM0344", "GM0014", "GM0086"}
MIN_RESIDENTS = 50

# key, theme, weight, higher is more vulnerable, formula on a CSV row (None = cannot be computed)
INDICATORS = [
    ("aandeel_65_plus", "Leeftijd", 1.0, True, lambda r: ratio(r["inwoners_65_plus"], r["inwoners"])),
    ("aandeel_0_15", "Leeftijd", 1.0, True, lambda r: ratio(r["inwoners_0_15"], r["inwoners"])),
    ("gemiddelde_huishoudensgrootte", "Huishoudens", 1.0, False, lambda r: float(r["gemiddelde_huishoudensgrootte"])),
    ("aandeel_huishoudens_met_kinderen", "Huishoudens", 1.0, True, lambda r: ratio(r["huishoudens_met_kinderen"], r["huishoudens"])),
    ("bevolkingsdichtheid", "Woonomgeving", 1.0, True, lambda r: float(r["bevolkingsdichtheid"])),
]
THEMES = ["Leeftijd", "Huishoudens", "Woonomgeving"]


def ratio(a, b):
    return None if int(b) == 0 else int(a) / int(b)


def pct(values):
    """Percentile ranks, ties lowest, rounded half up to 4 decimals (exact)."""
    n = len(values)
    ranks = stats.rankdata(values, method="min")
    return [float(int(Fraction(int(r) - 1, n - 1) * 10000 + Fraction(1, 2))) / 10000 for r in ranks]


def denoise(x):
    return float(np.rint(x * 1e10) / 1e10)


def drivers(ps):
    cands = [i for i, p in enumerate(ps) if p >= 0.5]
    cands.sort(key=lambda i: (not ps[i] >= 0.75, -INDICATORS[i][2] * ps[i], i))
    return cands[:3]


def rank_set(vals):
    """vals: list of value lists (one per area, indicator order). Returns one ranking dict per area."""
    m = len(vals)
    k = len(INDICATORS)
    ind = [pct([v[i] if INDICATORS[i][3] else -v[i] for v in vals]) for i in range(k)]
    theme_scores, overall = [], []
    for j in range(m):
        t = [0.0] * len(THEMES)
        total = 0.0
        for i in range(k):
            c = INDICATORS[i][2] * ind[i][j]
            t[THEMES.index(INDICATORS[i][1])] += c
            total += c
        theme_scores.append([denoise(x) for x in t])
        overall.append(denoise(total))
    theme_pct = [pct([ts[t] for ts in theme_scores]) for t in range(len(THEMES))]
    overall_pct = pct(overall)
    position = stats.rankdata([-x for x in overall], method="min")
    out = []
    for j in range(m):
        ps = [ind[i][j] for i in range(k)]
        out.append({
            "indicatorPercentiles": ps,
            "themeScores": theme_scores[j],
            "themePercentiles": [theme_pct[t][j] for t in range(len(THEMES))],
            "overallScore": overall[j],
            "overallPercentile": overall_pct[j],
            "position": int(position[j]),
            "count": m,
            "flags": [p >= 0.9 for p in ps],
            "drivers": drivers(ps),
        })
    return out


def main():
    with open(CSV, newline="", encoding="utf-8") as f:
        rows = [r for i, r in enumerate(csv.DictReader(f)) if i % 40 == 0 or r["gemeentecode"] in GEMEENTEN]
    areas, expected = [], []
    for r in rows:
        values = [fn(r) for (_, _, _, _, fn) in INDICATORS]
        areas.append({"code": r["buurtcode"], "group": r["gemeentecode"], "residents": int(r["inwoners"]), "values": values})
        if int(r["inwoners"]) < MIN_RESIDENTS:
            exclusion, missing = "TooFewResidents", None
        elif any(v is None for v in values):
            exclusion, missing = "MissingValue", next(i for i, v in enumerate(values) if v is None)
        else:
            exclusion, missing = "None", None
        expected.append({"code": r["buurtcode"], "exclusion": exclusion, "missingIndicator": missing,
                         "national": None, "local": None, "class": None})
    ranked = [j for j, e in enumerate(expected) if e["exclusion"] == "None"]
    for j, ranking in zip(ranked, rank_set([areas[j]["values"] for j in ranked])):
        expected[j]["national"] = ranking
        p = ranking["overallPercentile"]
        expected[j]["class"] = 1 if p < 0.25 else 2 if p < 0.5 else 3 if p < 0.75 else 4
    groups = {}
    for j in ranked:
        groups.setdefault(areas[j]["group"], []).append(j)
    for members in groups.values():
        if len(members) < 2:
            continue
        for j, ranking in zip(members, rank_set([areas[j]["values"] for j in members])):
            expected[j]["local"] = ranking
    case = {
        "name": "buurten-2024-sample",
        "note": "every 40th buurt plus all buurten of GM0344, GM0014, GM0086; default indicator set",
        "minimumResidents": MIN_RESIDENTS,
        "indicators": [{"key": k, "theme": t, "weight": w, "higherIsMoreVulnerable": h} for (k, t, w, h, _) in INDICATORS],
        "themes": THEMES,
        "areas": areas,
        "expected": expected,
    }
    with open(os.path.join(HERE, "svi_reference.json"), "w", encoding="utf-8") as f:
        json.dump({"source": "make_svi.py (scipy.stats.rankdata, method='min')", "cases": [case]}, f, separators=(",", ":"))
    print(f"{len(areas)} areas, {len(ranked)} ranked, {sum(1 for g in groups.values() if len(g) >= 2)} groups with local ranks")


if __name__ == "__main__":
    main()
