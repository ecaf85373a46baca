#!/usr/bin/env python3
"""Draw a stratified sample of `hoist analyze` findings for hand labelling (issue 17).

usage: python3 sample.py [--shown DIR] SET [PER_STRATUM] [SEED] [ROUNDS]
  SET is a folder (tuning/ or held-aside/) of <library>.json.gz reports written by
  `hoist analyze <jar> --format json`.
For the set, findings are grouped by (rule, severity); from each group up to PER_STRATUM
(default 2) are drawn with random.Random(SEED) (default 17), so every rule that fires is
represented. With ROUNDS > 1 (default 1), round r draws up to PER_STRATUM more from what earlier
rounds left, with random.Random(SEED + r), and its rows follow the earlier rounds' rows, so a
sample extended by a round keeps the row numbers of the sample it extends.
Reports that carry a "fingerprint" per finding add it as a last column.
With --shown DIR (a folder of <library>.json.gz reports of the same runs without --all, i.e. what
`hoist analyze` shows by default), only the findings whose fingerprint is in DIR's report of the same
library are strata members; row indexes still point into SET's (--all) reports. Without it, every
finding of SET is sampled, as before.
Prints the command that drew it, then the label-sheet skeleton (TSV) on stdout.
"""
import gzip, json, os, random, sys
from collections import defaultdict

SEV = {"info": 0, "low": 1, "medium": 2, "high": 3}

def load(set_dir):
    rows = []
    for name in sorted(os.listdir(set_dir)):
        if not name.endswith(".json.gz"):
            continue
        lib = name[: -len(".json.gz")]
        with gzip.open(os.path.join(set_dir, name), "rt") as f:
            for i, x in enumerate(json.load(f)["findings"]):
                rows.append((lib, i, x))
    return rows

def shown_prints(shown_dir):
    """(library, fingerprint) of every finding in the default-output reports of shown_dir."""
    return {(lib, x["fingerprint"]) for lib, _, x in load(shown_dir)}

def main():
    args = sys.argv[1:]
    shown_dir = None
    if args[:1] == ["--shown"]:
        shown_dir = args[1].rstrip("/")
        args = args[2:]
    set_dir = args[0].rstrip("/")
    k = int(args[1]) if len(args) > 1 else 2
    seed = int(args[2]) if len(args) > 2 else 17
    rounds = int(args[3]) if len(args) > 3 else 1
    print(f"# drawn by: python3 docs/analyze-precision/sample.py {'--shown ' + shown_dir + ' ' if shown_dir else ''}{set_dir} {k} {seed} {rounds}")
    strata = defaultdict(list)
    rows = load(set_dir)
    keep = shown_prints(shown_dir) if shown_dir else None
    for lib, i, x in rows:
        if keep is None or (lib, x.get("fingerprint")) in keep:
            strata[(x["rule"], x["severity"])].append((lib, i, x))
    # reports written since `analyze` has fingerprints carry them, so a label can be matched to a later run
    fp = any("fingerprint" in x for _, _, x in rows)
    print("\t".join(["library", "index", "rule", "severity", "confidence", "class", "method", "line"] + (["fingerprint"] if fp else [])))
    drawn = set()
    for r in range(rounds):
        rnd = random.Random(seed + r)
        for key in sorted(strata, key=lambda s: (s[0], SEV[s[1]])):
            group = [t for t in strata[key] if (t[0], t[1]) not in drawn]
            picked = rnd.sample(group, min(k, len(group)))
            drawn.update((t[0], t[1]) for t in picked)
            for lib, i, x in sorted(picked, key=lambda t: (t[0], t[1])):
                print("\t".join(str(v) for v in [lib, i, x["rule"], x["severity"], x["confidence"],
                                                 x["class"], x["method"], x["line"]]
                                                + ([x.get("fingerprint", "")] if fp else [])))

if __name__ == "__main__":
    main()
