"""Recomputes a launch's results from the files themselves with statsmodels, scipy and pandas,
and compares them with what `pitchbridge results --format json --per-rep` printed.

    python oracle.py DATA_DIR RESULTS.json VALIDITY_DAYS

DATA_DIR holds roster.csv, completions.csv (dates month first) and deals.csv as a Salesforce
report (make_launch.py --crm salesforce). Prints each comparison that fails and exits 1 if any.
"""

import csv
import datetime as dt
import json
import math
import sys

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.contingency_tables import StratifiedTable
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

data, results_path, validity = sys.argv[1], sys.argv[2], int(sys.argv[3])
got = json.load(open(results_path))
failures = []


def check(what, mine, theirs, tol=1e-6):
    if mine is None or theirs is None or isinstance(theirs, float) and math.isnan(theirs):
        if mine != theirs and not (mine is None and (theirs is None or math.isnan(theirs))):
            failures.append(f"{what}: pitchbridge {mine}, oracle {theirs}")
        return
    if abs(mine - theirs) > tol * max(1.0, abs(theirs)):
        failures.append(f"{what}: pitchbridge {mine}, oracle {theirs}")


passed = {}
for r in csv.DictReader(open(f"{data}/completions.csv", encoding="utf-8")):
    if r["Completion Status"] == "passed":
        day = dt.datetime.strptime(r["Completion Date"], "%m/%d/%Y").date()
        passed.setdefault(r["User Email"].lower(), []).append(day)
roster = {r["Email"].lower() for r in csv.DictReader(open(f"{data}/roster.csv", encoding="utf-8"))}

rows = []
for r in csv.DictReader(open(f"{data}/deals.csv", encoding="utf-8")):
    if r["Product Family"] != "Coldtrace" or r["Stage"] not in ("Closed Won", "Closed Lost"):
        continue
    close = dt.datetime.strptime(r["Close Date"], "%m/%d/%Y").date()
    owner = r["Owner Email"].lower()
    cert = any(p <= close < p + dt.timedelta(days=validity) for p in passed.get(owner, []))
    first = min(passed[owner]) if owner in passed else None
    rows.append({"owner": owner, "won": int(r["Stage"] == "Closed Won"), "amount": float(r["Amount"]), "cert": cert,
                 "before": first is not None and close < first, "after": first is not None and cert,
                 "stratum": (r["Region"], "existing" if "Existing" in r["Type"] else "new", close.year, (close.month - 1) // 3)})
df = pd.DataFrame(rows)
df = df[df.owner.isin(roster)]
check("attributed deals", got["attributed"], len(df), 0)

# Each group's win rate with Wilson's interval, and the mean won amount with Student's t.
for key, part in (("certified", df[df.cert]), ("not_certified", df[~df.cert])):
    g = got[key]
    n, k = len(part), int(part.won.sum())
    check(f"{key} deals", g["deals"], n, 0)
    check(f"{key} won", g["won"], k, 0)
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    check(f"{key} Wilson low", g["ci95"][0], lo)
    check(f"{key} Wilson high", g["ci95"][1], hi)
    amounts = part[part.won == 1].amount
    check(f"{key} mean won amount", g["mean_won_amount"], amounts.mean())
    t_lo, t_hi = stats.t.interval(0.95, len(amounts) - 1, loc=amounts.mean(), scale=stats.sem(amounts))
    check(f"{key} mean amount t low", g["mean_won_amount_ci95"][0], t_lo)
    check(f"{key} mean amount t high", g["mean_won_amount_ci95"][1], t_hi)

c, o = df[df.cert], df[~df.cert]
d = got["difference"]
check("raw difference", d["raw"], c.won.mean() - o.won.mean())
lo, hi = confint_proportions_2indep(int(c.won.sum()), len(c), int(o.won.sum()), len(o), method="newcomb", compare="diff")
check("raw difference Newcombe low", d["raw_ci95"][0], lo)
check("raw difference Newcombe high", d["raw_ci95"][1], hi)
welch = stats.ttest_ind(c[c.won == 1].amount, o[o.won == 1].amount, equal_var=False).confidence_interval(0.95)
check("amount difference", d["amount"], c[c.won == 1].amount.mean() - o[o.won == 1].amount.mean())
check("amount Welch low", d["amount_ci95"][0], welch.low)
check("amount Welch high", d["amount_ci95"][1], welch.high)

# Mantel–Haenszel over region × customer × quarter.
tables, rd_num, rd_den, p_sum, q_sum = [], 0.0, 0.0, 0.0, 0.0
for _, s in df.groupby("stratum"):
    sc, so = s[s.cert], s[~s.cert]
    if len(sc) == 0 or len(so) == 0:
        continue
    a, n1, cc, n0 = sc.won.sum(), len(sc), so.won.sum(), len(so)
    tables.append(np.array([[a, n1 - a], [cc, n0 - cc]], dtype=float))
    n = n1 + n0
    rd_num += (a * n0 - cc * n1) / n
    rd_den += n1 * n0 / n
    # Sato (1989), as printed in Greenland & Rothman, Modern Epidemiology, ch. 15.
    p_sum += (n1 * n1 * cc - n0 * n0 * a + n1 * n0 * (n0 - n1) / 2) / (n * n)
    q_sum += (a * (n0 - cc) + cc * (n1 - a)) / (2 * n)
st = StratifiedTable(tables)
check("MH odds ratio", d["adjusted_odds_ratio"], st.oddsratio_pooled)
or_lo, or_hi = st.oddsratio_pooled_confint(alpha=0.05)
check("MH odds ratio low (Robins–Breslow–Greenland)", d["adjusted_odds_ratio_ci95"][0], or_lo)
check("MH odds ratio high", d["adjusted_odds_ratio_ci95"][1], or_hi)
rd = rd_num / rd_den
half = stats.norm.ppf(0.975) * math.sqrt((rd * p_sum + q_sum) / rd_den ** 2)
check("MH risk difference", d["adjusted"], rd)
check("MH risk difference low (Sato)", d["adjusted_ci95"][0], rd - half)
check("MH risk difference high", d["adjusted_ci95"][1], rd + half)
check("informative strata", d["adjusted_strata"], len(tables), 0)

# The same reps before their first pass and while certified.
b, a_ = df[df.before], df[df.after]
s = got["same_reps"]
check("same reps", s["reps"], len(set(b.owner) & set(a_.owner)), 0)
check("same reps before", s["before"]["deals"], len(b), 0)
check("same reps after", s["after"]["deals"], len(a_), 0)
lo, hi = confint_proportions_2indep(int(a_.won.sum()), len(a_), int(b.won.sum()), len(b), method="newcomb", compare="diff")
check("same reps Newcombe low", s["difference_ci95"][0], lo)
check("same reps Newcombe high", s["difference_ci95"][1], hi)

# Each rep's expected wins: the stratum's win rate over all reps, summed over the rep's deals.
rate = df.groupby("stratum").won.transform("mean")
df = df.assign(p=rate, v=rate * (1 - rate))
per_rep = df.groupby("owner").agg(deals=("won", "size"), won=("won", "sum"), expected=("p", "sum"), var=("v", "sum"))
reps = {r["email"]: r for r in got["reps"]}
check("reps listed", len(reps), len(per_rep), 0)
for email, r in per_rep.iterrows():
    mine = reps.get(email)
    if mine is None:
        failures.append(f"rep {email} missing")
        continue
    check(f"{email} expected wins", mine["expected_won"], r.expected)
    check(f"{email} contribution", mine["contribution"], r.won - r.expected)
    check(f"{email} contribution high", mine["contribution_ci95"][1], r.won - r.expected + stats.norm.ppf(0.975) * math.sqrt(r["var"]))

for f in failures:
    print(f)
print(f"{len(failures)} of the comparisons differ" if failures else "every figure agrees with statsmodels, scipy and pandas")
sys.exit(1 if failures else 0)
