#!/usr/bin/env python3
"""Tables for README.md from a labelled set: verdicts by rule, by severity, fix text, and the
precision under default floors, raw (sample) and weighted back to all findings.

usage: python3 summary.py [--weights DIR] SET     (reads SET.tsv and the reports SET/*.json.gz)
With --weights DIR, the strata sizes N come from DIR's reports instead (e.g. held-aside-3/default,
the default output without --all, when the sample was drawn from it with sample.py --shown).
Weighted: each sampled finding stands for N/n findings of its (rule, severity) stratum
(N findings in the reports, n sampled); precision under a floor = sum(w * real) / sum(w) over
the sampled findings that pass the floor.
"""
import gzip, json, os, re, sys
from collections import Counter, defaultdict

RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}
FLOORS = [
    ("(a) everything", lambda s, c: True),
    ("(b) severity >= medium", lambda s, c: RANK[s] >= 2),
    ("(c) severity >= medium and confidence >= medium", lambda s, c: RANK[s] >= 2 and RANK[c] >= 2),
    ("(d) confidence >= medium", lambda s, c: RANK[c] >= 2),
]
# reason keywords -> the fact that would have prevented the false positive (a reason may hit several)
CATEGORIES = [
    ("cold code: static initialiser, constructor, builder/config, introspection, toString",
     r"static initiali[sz]er|constructor|configuration|introspection|builder|cold|toString|once per (enum|record|class|pack200|archive|annotation|type|member|manager|imploded|block|gzip|attribute|method)|one-time"),
    ("error path: the call always throws, or a catch block", r"error path|always throws|inside a catch|error-message|error utility"),
    ("the JIT already removes it (C2 inlines/hoists, EA, constant folding, cached boxes)",
     r"C2 inlines|C2 hoists|hoists the|escape analysis removes|JIT folds|static final constant|Character's cache|message itself says C2"),
    ("dwarfed by the iteration's other work (I/O, parsing, hashing, callee body)",
     r"beside|dwarf|costs more per char"),
    ("tiny trip count (1-5 iterations, array dimensions, a handful)",
     r"array dimension|1-3|at most (four|6|5)|handful|2-3|few |a few"),
    ("receiver is one object / known type for the whole loop (no receiver type flow)",
     r"receiver is|same parser|same list|same generator|same field for the whole"),
    ("value changes between iterations or is needed (def-use: CAS retry, mutated key, stored box/copy)",
     r"CAS retry|mutates the key|must be Integer|must be boxed|List<Object>|is the entry's name|HashMap key|HashSet lookup key|map key|lookup key|outlives"),
    ("not per iteration: guarded to run once", r"at most once|not per iteration|guarded|once per call"),
    ("suggested fix does not fit, changes behaviour or does not compile",
     r"does not fit|does not apply|cannot apply|would not compile|would drop|would throw|allocates 16x|precedence bug|invented method|not the suggested|fix cannot"),
    ("collection never grows past its default capacity", r"never grow|fit a default|fit the default|never grows"),
]

def load_weights(set_dir):
    N = Counter()
    for name in os.listdir(set_dir):
        if name.endswith(".json.gz"):
            with gzip.open(os.path.join(set_dir, name), "rt") as f:
                for x in json.load(f)["findings"]:
                    N[(x["rule"], x["severity"], x["confidence"])] += 1
    return N

def md_table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(str(v) for v in r) + " |" for r in rows]
    return "\n".join(out)

def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "-"

def wilson(k, n, z=1.96):
    """95% Wilson interval of a sample proportion, as 'lo-hi%'."""
    if not n:
        return "-"
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / d
    return f"{100 * max(0, c - h):.0f}-{100 * min(1, c + h):.0f}%"

def main():
    args = sys.argv[1:]
    weights = None
    if args[:1] == ["--weights"]:
        weights = args[1].rstrip("/")
        args = args[2:]
    name = args[0].rstrip("/")
    rows = [dict(zip(["library", "rule", "severity", "confidence", "class", "method", "line", "verdict", "fix_text", "reason"],
                     l.rstrip("\n").split("\t"))) for l in list(open(name + ".tsv", encoding="utf-8"))[1:]]
    Nc = load_weights(weights or name)
    N = Counter()
    for (r, s, c), v in Nc.items():
        N[(r, s)] += v
    n = Counter((r["rule"], r["severity"]) for r in rows)
    for r in rows:
        r["w"] = N[(r["rule"], r["severity"])] / n[(r["rule"], r["severity"])]
    print(f"### {name}: {len(rows)} labelled of {sum(N.values())} findings\n")
    for key, title, order in [("rule", "By rule", None), ("severity", "By severity", ["info", "low", "medium", "high"])]:
        g = defaultdict(Counter)
        for r in rows:
            g[r[key]][r["verdict"]] += 1
        pop = Counter()
        for (ru, s), v in N.items():
            pop[ru if key == "rule" else s] += v
        keys = order if order else sorted(pop)
        table = []
        for k in keys:
            if not pop[k]:
                continue
            c = g[k]
            tot = sum(c.values())
            table.append([f"`{k}`" if key == "rule" else k, pop[k], tot, c["real"], c["negligible"], c["wrong"], pct(c["real"], tot)])
        c = Counter(r["verdict"] for r in rows)
        table.append(["**all**", sum(N.values()), len(rows), c["real"], c["negligible"], c["wrong"], pct(c["real"], len(rows))])
        print(f"{title}:\n")
        print(md_table([key, "findings", "sampled", "real", "negligible", "wrong", "real (sample)"], table) + "\n")
    fx = Counter(r["fix_text"] for r in rows)
    print("Fix text of the sampled findings: " + ", ".join(f"{k} {fx[k]}" for k in ["compiles", "pattern", "broken"]) + "\n")
    table = []
    for label, ok in FLOORS:
        sel = [r for r in rows if ok(r["severity"], r["confidence"])]
        shown = sum(v for (ru, s, c), v in Nc.items() if ok(s, c))
        real = sum(r["verdict"] == "real" for r in sel)
        wrong = sum(r["verdict"] == "wrong" for r in sel)
        w = sum(r["w"] for r in sel)
        wr = sum(r["w"] for r in sel if r["verdict"] == "real")
        ww = sum(r["w"] for r in sel if r["verdict"] == "wrong")
        table.append([label, shown, len(sel), real, wrong, pct(real, len(sel)), wilson(real, len(sel)), pct(wr, w), pct(ww, w)])
    print("Precision under default floors (weighted = each sampled finding counts for its stratum's N/n):\n")
    print(md_table(["floor", "findings shown", "sampled", "real", "wrong", "precision (sample)", "95% interval (sample)", "precision (weighted)", "wrong (weighted)"], table) + "\n")
    for verdict in ["negligible", "wrong"]:
        c = Counter()
        for r in rows:
            if r["verdict"] == verdict:
                for cat, rx in CATEGORIES:
                    if re.search(rx, r["reason"], re.I):
                        c[cat] += 1
        tot = sum(r["verdict"] == verdict for r in rows)
        print(f"Reasons for `{verdict}` ({tot}; one finding can have several):\n")
        print(md_table(["reason (keyword class over the reason column)", "count"], c.most_common()) + "\n")

if __name__ == "__main__":
    main()
