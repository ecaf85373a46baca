#!/usr/bin/env python3
"""Precision of what `hoist analyze` shows by default (confidence medium or high) against all findings
(`--all`), per rule, from a labelled set.

usage: python3 shown.py SET     (reads SET.tsv and the reports SET/*.json.gz, written with --all)
Unlike summary.py, the weights stratify by (rule, severity, confidence): each sampled finding stands
for N/n findings of its stratum, so a stratum that mixes confidences is not mis-weighted.
"""
import gzip, json, os, sys
from collections import Counter, defaultdict

def main():
    name = sys.argv[1].rstrip("/")
    head = ["library", "rule", "severity", "confidence", "class", "method", "line", "verdict", "fix_text", "reason"]
    rows = [dict(zip(head, l.rstrip("\n").split("\t"))) for l in list(open(name + ".tsv", encoding="utf-8"))[1:]]
    N = Counter()
    for f in os.listdir(name):
        if f.endswith(".json.gz"):
            with gzip.open(os.path.join(name, f), "rt") as fh:
                for x in json.load(fh)["findings"]:
                    N[(x["rule"], x["severity"], x["confidence"])] += 1
    n = Counter((r["rule"], r["severity"], r["confidence"]) for r in rows)
    shown = lambda c: c in ("medium", "high")
    print("| rule | findings (--all) | shown by default | labelled shown | real | negligible | wrong | real (labelled shown) |")
    print("|---|---|---|---|---|---|---|---|")
    by = defaultdict(Counter)
    for r in rows:
        if shown(r["confidence"]):
            by[r["rule"]][r["verdict"]] += 1
    rules = sorted({k[0] for k in N})
    tot = Counter()
    for ru in rules:
        a = sum(v for k, v in N.items() if k[0] == ru)
        s = sum(v for k, v in N.items() if k[0] == ru and shown(k[2]))
        c = by[ru]
        m = sum(c.values())
        tot.update({"a": a, "s": s, "m": m, **c})
        print(f"| `{ru}` | {a} | {s} | {m} | {c['real']} | {c['negligible']} | {c['wrong']} | "
              + (f"{100 * c['real'] / m:.0f}%" if m else "-") + " |")
    print(f"| **all** | {tot['a']} | {tot['s']} | {tot['m']} | {tot['real']} | {tot['negligible']} | {tot['wrong']} | "
          + (f"{100 * tot['real'] / tot['m']:.1f}%" if tot['m'] else "-") + " |")
    for label, ok in [("shown by default (confidence >= medium)", shown), ("everything (--all)", lambda c: True)]:
        sel = [r for r in rows if ok(r["confidence"])]
        w = lambda r: N[(r["rule"], r["severity"], r["confidence"])] / n[(r["rule"], r["severity"], r["confidence"])]
        W = sum(w(r) for r in sel)
        real = sum(w(r) for r in sel if r["verdict"] == "real")
        wrong = sum(w(r) for r in sel if r["verdict"] == "wrong")
        k = sum(r["verdict"] == "real" for r in sel)
        print(f"\n{label}: {k} real of {len(sel)} labelled ({100 * k / len(sel):.1f}%); weighted by (rule, severity, confidence): "
              f"{100 * real / W:.1f}% real, {100 * wrong / W:.1f}% wrong")

if __name__ == "__main__":
    main()
