"""Writes a launch's files as reps' tools export them, with a planted truth, for the results
tests and benchmarks: a rep roster, a learning system's completion export, and CRM deals.

    python3 make_launch.py OUT_DIR --scenario lift|confounded [--crm salesforce|hubspot|excel-de]
                           [--deals N] [--seed S]

Scenarios:
  lift        certification raises every region's win rate by LIFT (0.12); who certifies is
              unrelated to region.
  confounded  no effect at all, but most certified reps sell in the high-demand region.
Only the standard library: the data must not depend on the oracle that checks the results.
"""

import argparse
import csv
import datetime as dt
import json
import os
import random

LAUNCH_DAY = dt.date(2025, 1, 6)
COURSE = "Coldtrace 2 launch — Distributor × Operations lead"
PRODUCT = "Coldtrace"
LIFT = 0.12
REGIONS = {"EMEA": 0.45, "North America": 0.30, "APAC": 0.22}
FIRST = ["Ana", "Ben", "Chloé", "Dev", "Eun-ji", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kai", "Lea", "Marta", "Nils", "Owen", "Priya", "Quinn", "Rosa", "Sven", "Tomás"]
LAST = ["Berg", "Costa", "Dubois", "Evans", "Fischer", "García", "Holm", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka", "Umar"]
PARTNERS = ["", "", "Polar Logistics Partners", "Frostline Distribution"]
LOSS_REASONS = ["Price", "Already have trailer sensors", "No budget this year", "Chose competitor", "Integration concerns"]


def reps(rng, n, scenario):
    out = []
    regions = list(REGIONS)
    for i in range(n):
        if scenario == "confounded":
            region = "EMEA" if i < n // 2 else regions[1 + i % 2]
            certified = (i < int(n * 0.4)) or (i % 10 == 7)
        else:
            region = regions[i % 3]
            certified = i % 2 == 0
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
        out.append({
            "email": f"rep{i:03d}@northwind.example",
            "name": name if i % 29 else f"{name} Jr",
            "partner": PARTNERS[i % len(PARTNERS)],
            "region": region,
            "role": "Account executive" if i % 5 else "Channel manager",
            "manager": "mira.lund@northwind.example",
            # Certified reps pass within the first 300 days, so deals fall before and after.
            "passed": (LAUNCH_DAY + dt.timedelta(days=rng.randrange(20, 300))) if certified else None,
        })
    return out


def deals(rng, people, n, scenario):
    out = []
    for k in range(n):
        rep = people[rng.randrange(len(people))]
        close = LAUNCH_DAY + dt.timedelta(days=rng.randrange(0, 540))
        certified = rep["passed"] is not None and rep["passed"] <= close
        # Legacy relationships: existing customers are easier to win.
        existing = rng.random() < 0.4
        p = REGIONS[rep["region"]] + (0.10 if existing else 0.0)
        if scenario == "lift" and certified:
            p += LIFT
        won = rng.random() < p
        amount = round(rng.lognormvariate(9.6, 0.5) * (1.15 if existing else 1.0), 2)
        out.append({
            "id": f"006Q{k:08d}",
            "name": f"Coldtrace rollout {k}",
            "account": f"Account {k % 997}",
            "owner": rep["email"],
            "owner_name": rep["name"],
            "won": won,
            "close": close,
            "amount": amount,
            "existing": existing,
            "region": rep["region"],
            "loss": "" if won else LOSS_REASONS[k % len(LOSS_REASONS)],
        })
    # A few deals of another product line and a few still open, which results must ignore.
    for k in range(max(3, n // 50)):
        rep = people[k % len(people)]
        out.append({"id": f"006X{k:08d}", "name": f"Other {k}", "account": "Other", "owner": rep["email"], "owner_name": rep["name"],
                    "won": True, "close": LAUNCH_DAY + dt.timedelta(days=k), "amount": 100.0, "existing": False,
                    "region": rep["region"], "loss": "", "product": "Fleetwise"})
        out.append({"id": f"006O{k:08d}", "name": f"Open {k}", "account": "Open", "owner": rep["email"], "owner_name": rep["name"],
                    "won": None, "close": LAUNCH_DAY + dt.timedelta(days=600), "amount": 1000.0, "existing": False,
                    "region": rep["region"], "loss": ""})
    return out


def write_roster(path, people):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Full Name", "Email", "Partner Company", "Region", "Role", "Manager"])
        for p in people:
            w.writerow([p["name"], p["email"], p["partner"] or "Direct", p["region"], p["role"], p["manager"]])


def write_completions(path, rng, people):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["User Email", "Course Title", "Completion Status", "Completion Date", "Score"])
        for p in people:
            if p["passed"]:
                # Some fail once before passing.
                if rng.random() < 0.3:
                    w.writerow([p["email"], COURSE, "failed", (p["passed"] - dt.timedelta(days=5)).strftime("%m/%d/%Y"), 55])
                w.writerow([p["email"], COURSE, "passed", p["passed"].strftime("%m/%d/%Y"), 80 + rng.randrange(20)])
            elif rng.random() < 0.3:
                w.writerow([p["email"], COURSE, "incomplete", "", ""])
            else:
                w.writerow([p["email"], COURSE, "not attempted", "", ""])


def write_deals(path, rows, crm):
    if crm == "salesforce":
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["Opportunity ID", "Opportunity Name", "Account Name", "Opportunity Owner", "Owner Email", "Stage", "Close Date",
                        "Amount", "Opportunity Currency", "Type", "Region", "Product Family", "Loss Reason"])
            for d in rows:
                stage = "Negotiation/Review" if d["won"] is None else ("Closed Won" if d["won"] else "Closed Lost")
                w.writerow([d["id"], d["name"], d["account"], d["owner_name"], d["owner"], stage, f'{d["close"].month}/{d["close"].day}/{d["close"].year}',
                            f'{d["amount"]:.2f}', "USD", "Existing Customer - Upgrade" if d["existing"] else "New Customer", d["region"],
                            d.get("product", PRODUCT), d["loss"]])
    elif crm == "hubspot":
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount", "Pipeline", "Deal Type", "Region", "Closed Lost Reason"])
            for d in rows:
                stage = "Contract sent" if d["won"] is None else ("Closed won" if d["won"] else "Closed lost")
                w.writerow([d["id"], d["name"], stage, d["close"].strftime("%Y-%m-%d 10:00"), d["owner"], f'{d["amount"]:.2f}',
                            d.get("product", PRODUCT), "existingbusiness" if d["existing"] else "newbusiness", d["region"], d["loss"]])
    else:  # excel-de: Excel on German Windows, semicolons, decimal commas, Windows-1252
        with open(path, "w", newline="", encoding="cp1252") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["Verkaufschance", "Besitzer", "Phase", "Abschlussdatum", "Betrag", "Währung", "Region", "Kundentyp", "Produkt", "Verlustgrund"])
            for d in rows:
                stage = "Verhandlung" if d["won"] is None else ("Gewonnen" if d["won"] else "Verloren")
                amount = f'{d["amount"]:,.2f}'.replace(",", "X").replace(".", ",").replace("X", ".")
                w.writerow([d["id"], d["owner"], stage, d["close"].strftime("%d.%m.%Y"), amount, "EUR", d["region"],
                            "Bestandskunde (existing)" if d["existing"] else "Neukunde (new)", d.get("product", PRODUCT), d["loss"]])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--scenario", choices=["lift", "confounded"], default="lift")
    ap.add_argument("--crm", choices=["salesforce", "hubspot", "excel-de"], default="salesforce")
    ap.add_argument("--deals", type=int, default=6000)
    ap.add_argument("--reps", type=int, default=90)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--product", default=PRODUCT, help="the deals' product line")
    ap.add_argument("--course", default=COURSE, help="the kit's course title in the completion export")
    ap.add_argument("--launch-day", default=LAUNCH_DAY.isoformat(), help="the first day deals close (YYYY-MM-DD)")
    a = ap.parse_args()
    globals().update(PRODUCT=a.product, COURSE=a.course, LAUNCH_DAY=dt.date.fromisoformat(a.launch_day))
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    people = reps(rng, a.reps, a.scenario)
    rows = deals(rng, people, a.deals, a.scenario)
    write_roster(os.path.join(a.out, "roster.csv"), people)
    write_completions(os.path.join(a.out, "completions.csv"), rng, people)
    write_deals(os.path.join(a.out, "deals.csv"), rows, a.crm)
    truth = {"scenario": a.scenario, "lift": LIFT if a.scenario == "lift" else 0.0, "course": COURSE, "product": PRODUCT,
             "launch_day": LAUNCH_DAY.isoformat(), "deals": a.deals}
    with open(os.path.join(a.out, "truth.json"), "w") as f:
        json.dump(truth, f)


if __name__ == "__main__":
    main()
