#!/usr/bin/python3
"""Reference values for Weerbaar.Analysis.Decision.Ahp -> ahp.json.

Independently of the C# code (which uses power iteration), the principal eigenpair comes from numpy.linalg.eig:
  lambda_max = the eigenvalue with the largest real part; w = |its eigenvector|, normalised to sum 1;
  CI = (lambda_max - n) / (n - 1); CR = CI / RI(n), Saaty's RI for n = 1..10 (0 for n <= 2);
  geometric-mean weights = row geometric means, normalised to sum 1.
Matrices are built from their upper triangle on Saaty's 1-9 scale (a_ji = 1 / a_ij exactly).

Run with Debian's python3-numpy:  /usr/bin/python3 make_ahp.py
"""
import json

import numpy as np

RI = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]


def reciprocal(upper, n):
    a = np.ones((n, n))
    k = 0
    for i in range(n):
        for j in range(i + 1, n):
            a[i, j] = upper[k]
            a[j, i] = 1.0 / upper[k]
            k += 1
    return a


def case(name, upper, n, note=""):
    a = reciprocal(upper, n)
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lam = float(values[k].real)
    w = np.abs(vectors[:, k].real)
    w = w / w.sum()
    g = np.exp(np.log(a).mean(axis=1))
    g = g / g.sum()
    ci = 0.0 if n <= 2 else max(0.0, (lam - n) / (n - 1))
    cr = 0.0 if n <= 2 else ci / RI[n - 1]
    return {"name": name, "note": note, "matrix": a.tolist(), "lambdaMax": lam, "ci": ci, "cr": cr,
            "eigenvector": w.tolist(), "geometricMean": g.tolist()}


rng = np.random.default_rng(20261203)
scale = np.array([1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9])


def random_upper(n):
    return rng.choice(scale, size=n * (n - 1) // 2).tolist()


def near_consistent_upper(n):
    # Judgements from hidden true weights, rounded to the nearest scale value: realistic, mostly consistent.
    true = rng.uniform(1, 9, size=n)
    upper = []
    for i in range(n):
        for j in range(i + 1, n):
            r = true[i] / true[j]
            upper.append(float(scale[np.argmin(np.abs(np.log(scale) - np.log(r)))]))
    return upper


cases = [
    case("leader-criteria", [4, 3, 7, 1 / 3, 3, 5], 4,
         "Wikipedia, Analytic hierarchy process - leader example: Experience, Education, Charisma, Age"),
    case("consistent-3", [2, 4, 2], 3, "a_ik = a_ij a_jk: lambda = n, CR = 0, weights 4/7, 2/7, 1/7"),
    case("two", [5], 2, "n = 2 is always consistent"),
    case("one", [], 1, "a single criterion"),
    case("inconsistent-3", [9, 1 / 9, 9], 3, "a cycle: 1 >> 2 >> 3 >> 1"),
    case("near-consistent-5", near_consistent_upper(5), 5, "rounded from hidden weights"),
    case("near-consistent-8", near_consistent_upper(8), 8, "rounded from hidden weights"),
    case("near-consistent-10", near_consistent_upper(10), 10, "rounded from hidden weights"),
    case("random-6", random_upper(6), 6, "random judgements: typically CR > 0.1"),
    case("random-10", random_upper(10), 10, "random judgements"),
]

out = {"generator": "make_ahp.py", "numpy": np.__version__, "cases": cases}
with open("ahp.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
for c in cases:
    print(c["name"], round(c["lambdaMax"], 6), round(c["cr"], 6), [round(x, 4) for x in c["eigenvector"]])
