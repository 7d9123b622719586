#!/usr/bin/env python3
"""Exact optimum of a batch-assignment instance with time windows, as an integer program (HiGHS
through scipy.optimize.milp), for bench:matching to measure the solver against.

Reads the instance as JSON from the file given as argument:
  {"needCount", "helperCount", "edges": [[need, helper, cost], ...], "start": [...], "end": [...],
   "period": [...], "budgets": [[helper, period, amount], ...]}
and prints {"served", "totalCost", "seconds", "status"} as JSON; when a phase hits its time limit
(BENCH_EXACT_SECONDS each, default 900), the best plan found and HiGHS's bounds ("servedBound",
"costBound") instead, with status "time limit".

With `--lp SERVED` it solves the LP relaxation of the same program instead (seconds, not the
minutes the integer program may take) and prints {"servedBound", "costBound", "seconds", "status":
"lp"}: no plan serves more than servedBound needs, and no plan serving at least SERVED needs (the
solver's count) travels less than costBound. So when the solver serves servedBound needs its fill
is optimal, and its travel over costBound bounds its ratio to the optimum's travel from above.

Model: x_e in {0, 1} per edge; each need at most once; per helper, at most one need in each maximal
clique of its candidate needs' intervals (for intervals, this is exactly "no two overlapping");
per helper and period, the needs' lengths within the budget. Lexicographic objective in two
phases, each solved to a zero gap: most needs served, then, with that many served, least cost.
"""
import json
import os
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


def maximal_cliques(intervals):
    """Maximal cliques of an interval graph of half-open [start, end) intervals: (id, start, end)."""
    events = []
    for ident, start, end in intervals:
        events.append((start, 1, ident))
        events.append((end, 0, ident))  # ends before starts at the same time: [) do not overlap
    events.sort()
    active = set()
    cliques = []
    last_was_start = False
    for _, kind, ident in events:
        if kind == 1:
            active.add(ident)
            last_was_start = True
        else:
            if last_was_start:
                cliques.append(list(active))
            active.discard(ident)
            last_was_start = False
    return cliques


def main():
    with open(sys.argv[1]) as handle:
        instance = json.load(handle)
    edges = instance["edges"]
    start, end, period = instance["start"], instance["end"], instance["period"]
    n_edges = len(edges)
    rows, cols, vals, upper = [], [], [], []

    def add_row(entries, bound):
        row = len(upper)
        for col, value in entries:
            rows.append(row)
            cols.append(col)
            vals.append(value)
        upper.append(bound)

    by_need = {}
    by_helper = {}
    for e, (need, helper, _) in enumerate(edges):
        by_need.setdefault(need, []).append(e)
        by_helper.setdefault(helper, []).append(e)
    for es in by_need.values():
        if len(es) > 1:
            add_row([(e, 1.0) for e in es], 1.0)
    budgets = {(h, p): amount for h, p, amount in instance.get("budgets", [])}
    for helper, es in by_helper.items():
        if len(es) > 1:
            for clique in maximal_cliques([(e, start[edges[e][0]], end[edges[e][0]]) for e in es]):
                if len(clique) > 1:
                    add_row([(e, 1.0) for e in clique], 1.0)
        by_period = {}
        for e in es:
            by_period.setdefault(period[edges[e][0]], []).append(e)
        for p, pes in by_period.items():
            amount = budgets.get((helper, p))
            length = lambda e: end[edges[e][0]] - start[edges[e][0]]
            if amount is not None and sum(length(e) for e in pes) > amount:
                add_row([(e, float(length(e))) for e in pes], float(amount))

    matrix = coo_matrix((vals, (rows, cols)), shape=(len(upper), n_edges)).tocsr()
    constraints = [LinearConstraint(matrix, -np.inf, np.array(upper))]
    integrality = np.ones(n_edges)
    bounds = Bounds(0, 1)
    costs = np.array([cost for _, _, cost in edges], dtype=float)
    if len(sys.argv) > 3 and sys.argv[2] == "--lp":
        lp_bounds(matrix, np.array(upper), costs, int(sys.argv[3]))
        return
    limit = float(os.environ.get("BENCH_EXACT_SECONDS", "900"))
    options = {"mip_rel_gap": 0, "time_limit": limit}
    began = time.time()
    first = milp(-np.ones(n_edges), constraints=constraints, integrality=integrality, bounds=bounds, options=options)
    if first.x is None:
        print(json.dumps({"status": first.message}))
        return
    served = int(round(-first.fun))
    # HiGHS's bound: no plan serves more than this (equal to served when proven optimal).
    served_bound = served if first.status == 0 else int(np.floor(-first.mip_dual_bound + 1e-6))
    second = milp(
        costs,
        constraints=constraints + [LinearConstraint(np.ones((1, n_edges)), served, served)],
        integrality=integrality,
        bounds=bounds,
        options=options,
    )
    result = {
        "served": served,
        "servedBound": served_bound,
        "seconds": round(time.time() - began, 2),
        "status": "optimal" if first.status == 0 and second.status == 0 else "time limit",
    }
    if second.x is not None:
        chosen = second.x > 0.5
        result["totalCost"] = int(round(float(costs[chosen].sum())))
        # No plan serving `served` needs travels less than this.
        result["costBound"] = result["totalCost"] if second.status == 0 else float(second.mip_dual_bound)
    print(json.dumps(result))

def lp_bounds(matrix, upper, costs, served):
    """The LP relaxation's two bounds (see the module's comment); a relaxation only loosens them."""
    from scipy.optimize import linprog

    began = time.time()
    n_edges = len(costs)
    first = linprog(-np.ones(n_edges), A_ub=matrix, b_ub=upper, bounds=(0, 1), method="highs")
    if first.status != 0:
        print(json.dumps({"status": first.message}))
        return
    # Rounded down with a little slack for the solver's tolerances: still a bound on an integer.
    served_bound = int(np.floor(-first.fun + 1e-6))
    second = linprog(
        costs,
        bounds=(0, 1),
        method="highs",
        # sum x >= served, as -sum x <= -served, appended to the other rows.
        **_with_row(matrix, upper, -np.ones(n_edges), -float(served)),
    )
    result = {"servedBound": served_bound, "seconds": round(time.time() - began, 2), "status": "lp"}
    if second.status == 0:
        # Less the solver's tolerance, so that the bound stays a bound.
        result["costBound"] = float(second.fun) * (1 - 1e-7)
    print(json.dumps(result))


def _with_row(matrix, upper, row, bound):
    from scipy.sparse import vstack, csr_matrix

    return {"A_ub": vstack([matrix, csr_matrix(row)]).tocsr(), "b_ub": np.append(upper, bound)}


if __name__ == "__main__":
    main()
