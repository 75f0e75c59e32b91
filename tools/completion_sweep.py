#!/usr/bin/env python3
"""Measures LayerNAS's two completion policies against each other over a range of cost targets on one table.

For each share q of the table's architectures, the spec's target becomes `max` = the cost of the q-th cheapest
architecture; LayerNAS then runs under `layernas bench compare` with completion `most-expensive` and with
`feasible`, and the script prints one Markdown row per target: per budget, the mean test metric of each policy's
answers (or "-" when no run answered) and the share of runs that trained the true optimum.

    python3 tools/completion_sweep.py examples/fashion-mnist-size-table.json --layernas layernas

The spec must be table-backed (a `table` cost and a `tabular` trainer), as `layernas bench compare` needs.
"""

import argparse
import csv
import json
import os
import shlex
import subprocess
import sys
import tempfile

POLICIES = ("most-expensive", "feasible")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", help="a table-backed LayerNAS spec")
    parser.add_argument("--layernas", default="layernas", help="how to run the layernas command (default: layernas)")
    parser.add_argument("--shares", default="0.05,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9",
                        help="shares of the table's architectures that the targets admit")
    parser.add_argument("--budgets", default="10,25,50,100,200,400")
    parser.add_argument("--runs", default="100")
    args = parser.parse_args()

    folder = os.path.dirname(os.path.abspath(args.spec))
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    # Table paths resolve against the spec's folder; the copies live elsewhere, so make them absolute.
    spec["cost"]["table"]["path"] = os.path.join(folder, spec["cost"]["table"]["path"])
    spec["trainer"]["tabular"]["path"] = os.path.join(folder, spec["trainer"]["tabular"]["path"])
    costs = table_costs(spec["cost"]["table"])
    budgets = [int(b) for b in args.budgets.split(",")]

    print("| share inside | target max | " + " | ".join(f"{b} trials" for b in budgets) + " |")
    print("|---:|---:|" + "---|" * len(budgets))
    with tempfile.TemporaryDirectory() as work:
        for share in (float(s) for s in args.shares.split(",")):
            target = costs[max(0, int(share * len(costs)) - 1)]
            rows = {policy: compare(spec, policy, target, args, work) for policy in POLICIES}
            cells = [" / ".join(cell(rows[policy][b]) for policy in POLICIES) for b in budgets]
            print(f"| {share:.0%} | {target:,.0f} | " + " | ".join(cells) + " |")


def table_costs(table):
    """Every architecture's cost, cheapest first (one value per key, whatever the rows per key)."""
    with open(table["path"], encoding="utf-8") as f:
        by_key = {row[table["key"]]: float(row[table["column"]]) for row in csv.DictReader(f)}
    return sorted(by_key.values())


def compare(spec, policy, target, args, work):
    """The compare.csv rows of LayerNAS with one completion policy under one target, by budget."""
    edited = json.loads(json.dumps(spec))
    edited["target"] = {"max": target}
    edited["strategy"] = {"layernas": dict(spec["strategy"].get("layernas", {}), completion=policy)}
    name = f"{policy}-{target:.0f}"
    path = os.path.join(work, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(edited, f)
    output = os.path.join(work, name)
    command = shlex.split(args.layernas) + ["bench", "compare", path, "--runs", args.runs, "--budgets", args.budgets,
                                            "--strategies", "layernas", "--output-dir", output]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"error: {' '.join(command)} failed: {done.stderr.strip()}")
    with open(os.path.join(output, "compare.csv"), encoding="utf-8") as f:
        return {int(row["budget"]): row for row in csv.DictReader(f)}


def cell(row):
    mean = row["mean_test_acc"]
    return f"{float(mean):.4g} ({float(row['reached_optimum']):.0%})" if mean else "- (0%)"


if __name__ == "__main__":
    main()
