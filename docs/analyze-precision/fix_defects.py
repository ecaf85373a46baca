#!/usr/bin/env python3
"""Count the fix-text defects a script can find, over ALL findings of `hoist analyze` JSON reports.

usage: python3 fix_defects.py REPORT.json[.gz]...
Checks the fix's after-text (what a user would paste):
  header    a loop header line (for/while ... {) of the real code appears twice: the loop
            header repeated inside the loop body (the template 'for (...) {' is not counted)
  synthetic javac's synthetic names: access$NNN, this$N, val$x, and older javac's for-each
            locals arr$, len$, i$
  anon      instanceof (or a cast) against an anonymous class: Foo.1
  ellipsis  a literal '…' (U+2026) in code
  selftest  (extra) 'T x = ...;' followed by 'if (x instanceof T)': the first type test is
            the variable's own declared type, always true, so the other branches are dead
  elided    (extra, held-aside-3) '...' glued to a name or call, half code half pattern: '....add(x)',
            'this.indexOf(....getFieldType(...))'
  slot      (extra, held-aside-3) a local named by its slot, 'local4': the class has no local
            variable table, and the source has no such name
Prints per report: findings, findings with a fix, each defect, findings with any defect.
"""
import gzip, json, re, sys
from collections import Counter

HEADER = re.compile(r"^(for|while)\s*\(.*\)\s*\{$|^do\s*\{$")
SYNTH = re.compile(r"access\$\d+|this\$\d+|val\$\w+|\b(?:arr|len|i)\$(?!\w)")
ANON = re.compile(r"instanceof\s+[\w.$]*\.\d+\b|\(\s*[\w.$]*\.\d+\s*\)\s*\w")
ELIDED = re.compile(r"\.\.\.[A-Za-z_(\[.]|[A-Za-z_)\]]\.\.\.")
SLOT = re.compile(r"\blocal\d+\b")
DECL = re.compile(r"^([\w.$]+(?:<[^=]*>)?)\s+(\w+)\s*=")

def defects(after):
    found = set()
    lines = [l.strip() for l in after.split("\n")]
    headers = [l for l in lines if HEADER.match(l) and l != "for (...) {"]
    if any(lines.count(h) > 1 for h in headers):
        found.add("header")
    if SYNTH.search(after):
        found.add("synthetic")
    if ANON.search(after):
        found.add("anon")
    if "\u2026" in after:
        found.add("ellipsis")
    if ELIDED.search(after):
        found.add("elided")
    if SLOT.search(after):
        found.add("slot")
    for i, l in enumerate(lines):
        m = DECL.match(l)
        if m:
            typ, var = m.group(1).split("<")[0], m.group(2)
            for nxt in lines[i + 1:i + 4]:
                if re.match(r"(else\s+)?if\s*\(\s*%s\s+instanceof\s+%s\s*\)" % (re.escape(var), re.escape(typ)), nxt):
                    found.add("selftest")
    return found

def main():
    kinds = ["header", "synthetic", "anon", "ellipsis", "selftest", "elided", "slot"]
    total = Counter()
    print("report\tfindings\twith_fix\t" + "\t".join(kinds) + "\tany(first four)\tany(with elided, slot)")
    for path in sys.argv[1:]:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            findings = json.load(f)["findings"]
        c = Counter()
        for x in findings:
            after = (x.get("fix") or {}).get("after", "")
            c["findings"] += 1
            c["with_fix"] += bool(after)
            d = defects(after)
            for k in d:
                c[k] += 1
            c["any"] += bool(d & {"header", "synthetic", "anon", "ellipsis"})
            c["any_all"] += bool(d - {"selftest"})
        total.update(c)
        print("\t".join([path, str(c["findings"]), str(c["with_fix"])] + [str(c[k]) for k in kinds] + [str(c["any"]), str(c["any_all"])]))
    print("\t".join(["TOTAL", str(total["findings"]), str(total["with_fix"])] + [str(total[k]) for k in kinds] + [str(total["any"]), str(total["any_all"])]))

if __name__ == "__main__":
    main()
