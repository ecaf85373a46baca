#!/usr/bin/env python3
"""Join a sample (SET.sample.tsv) with hand labels (SET.labels: 'n|verdict|fix_text|reason') into SET.tsv."""
import sys
name = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in open(name + ".sample.tsv") if not l.startswith("#")][1:]
labels = {}
for l in open(name + ".labels", encoding="utf-8"):
    if not l.strip() or l.startswith("#"):
        continue
    n, verdict, fix, reason = l.rstrip("\n").split("|", 3)
    assert verdict in ("real", "negligible", "wrong"), l
    assert fix in ("compiles", "pattern", "broken"), l
    labels[int(n)] = (verdict, fix, reason.replace("\t", " "))
fp = bool(rows) and len(rows[0]) > 8   # the sample carries the findings' fingerprints: keep them as a last column
with open(name + ".tsv", "w", encoding="utf-8") as out:
    out.write("library\trule\tseverity\tconfidence\tclass\tmethod\tline\tverdict\tfix_text\treason"
              + ("\tfingerprint" if fp else "") + "\n")
    for n, r in enumerate(rows):
        if n in labels:
            lib, idx, rule, sev, conf, cls, meth, line = r[:8]
            out.write("\t".join([lib, rule, sev, conf, cls, meth, line, *labels[n]] + (r[8:9] if fp else [])) + "\n")
print(f"{name}: {len(labels)} of {len(rows)} labelled")
