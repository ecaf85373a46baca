#!/usr/bin/env python3
"""Print each sampled finding with its message, fix and the library source around it.

usage: python3 show.py SAMPLE.tsv SET_DIR SRC_ROOT [FROM [TO]]
SRC_ROOT holds one unzipped -sources jar per library, named <library>-<version>/ (any version).
"""
import gzip, json, os, sys

def main():
    sample, set_dir, src_root = sys.argv[1:4]
    lo = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    hi = int(sys.argv[5]) if len(sys.argv) > 5 else 10**9
    reports = {}
    rows = [l.rstrip("\n").split("\t") for l in open(sample) if not l.startswith("#")][1:]
    for n, r in enumerate(rows):
        if n < lo or n >= hi:
            continue
        lib, idx = r[0], int(r[1])
        if lib not in reports:
            with gzip.open(os.path.join(set_dir, lib + ".json.gz"), "rt") as f:
                reports[lib] = json.load(f)["findings"]
        x = reports[lib][idx]
        print("=" * 100)
        print(f"#{n} {lib} [{idx}] {x['rule']} {x['severity']}/{x['confidence']} score={x['score']} "
              f"{x['class']}.{x['method']} line {x['line']} loop {x['loopLines']}")
        print("MSG:", x["message"])
        if x.get("fix"):
            print("FIX before:\n" + x["fix"].get("before", ""))
            print("FIX after:\n" + x["fix"].get("after", ""))
        if x.get("evidence"):
            print("EVIDENCE:", x["evidence"])
        d = [e for e in os.listdir(src_root) if e.startswith(lib + "-") and os.path.isdir(os.path.join(src_root, e))]
        pkg = x["class"].rsplit(".", 1)[0].replace(".", "/")
        path = os.path.join(src_root, d[0], pkg, x["file"]) if d else None
        if not path or not os.path.exists(path):
            print("(no source)", path)
            continue
        lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
        ll = x["loopLines"] or [x["line"], x["line"]]
        a = max(1, min(ll[0], x["line"]) - 6)
        b = min(len(lines), max(ll[-1], x["line"]) + 3)
        if b - a > 70:
            b = a + 70
        for i in range(a, b + 1):
            mark = ">>" if i == x["line"] else "  "
            print(f"{mark}{i:5d} {lines[i-1]}")

if __name__ == "__main__":
    main()
