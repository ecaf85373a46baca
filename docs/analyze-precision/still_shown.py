#!/usr/bin/env python3
"""What today's default `hoist analyze` still shows of each labelled set.

Runs `./hoist analyze <jar> --format json` (default output, no --all) on every library of the
labelled sets, matches each labelled row by (library, rule, class, method, line) and prints, per
set, how many labelled findings are still shown with their verdicts, and the precision.
Usage: python3 still_shown.py [SET...]   (from docs/analyze-precision; jars in work/lib, work/lib3)
"""
import csv, gzip, json, os, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
HOIST = os.path.join(HERE, '..', '..', 'hoist')
L, L3 = os.path.join(HERE, 'work', 'lib'), os.path.join(HERE, 'work', 'lib3')
LIBS = {
    'guava': (f'{L}/guava-33.3.1-jre.jar', f'{L}/failureaccess-1.0.2.jar'),
    'commons-lang3': (f'{L}/commons-lang3-3.17.0.jar', ''),
    'jackson-databind': (f'{L}/jackson-databind-2.18.2.jar', f'{L}/jackson-core-2.18.2.jar:{L}/jackson-annotations-2.18.2.jar'),
    'jackson-core': (f'{L}/jackson-core-2.18.2.jar', ''),
    'commons-compress': (f'{L}/commons-compress-1.27.1.jar', f'{L}/commons-io-2.16.1.jar:{L}/commons-codec-1.17.1.jar:{L}/commons-lang3-3.17.0.jar'),
    'commons-collections4': (f'{L}/commons-collections4-4.4.jar', ''),
    'commons-text': (f'{L}/commons-text-1.12.0.jar', f'{L}/commons-lang3-3.14.0.jar'),
    'jsoup': (f'{L}/jsoup-1.18.1.jar', ''),
    'commons-math3': (f'{L}/commons-math3-3.6.1.jar', ''),
    'snakeyaml': (f'{L3}/snakeyaml-2.3.jar', ''),
    'joda-time': (f'{L3}/joda-time-2.12.7.jar', f'{L3}/joda-convert-1.9.2.jar'),
    'antlr4-runtime': (f'{L3}/antlr4-runtime-4.13.2.jar', ''),
}
_cache = {}

def shown(lib):
    if lib not in _cache:
        jar, cp = LIBS[lib]
        out = f'/tmp/still-shown-{lib}.json'
        cmd = [HOIST, 'analyze', jar, '--format', 'json', '--out', out] + (['--classpath', cp] if cp else [])
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rep = json.load(open(out))
        fs = rep['findings'] if isinstance(rep, dict) else rep
        _cache[lib] = (len(fs), {(f['rule'], f['class'], f['method'], int(f['line'])) for f in fs})
    return _cache[lib]

sets = sys.argv[1:] or ['tuning', 'held-aside', 'held-aside-2', 'held-aside-3']
print('| set | default findings | labelled shown | real | negligible | wrong | precision |')
print('|---|---|---|---|---|---|---|')
for s in sets:
    rows = list(csv.DictReader(open(os.path.join(HERE, f'{s}.tsv')), delimiter='\t'))
    libs = sorted({r['library'] for r in rows})
    total = sum(shown(l)[0] for l in libs)
    v = Counter()
    for r in rows:
        if (r['rule'], r['class'], r['method'], int(r['line'])) in shown(r['library'])[1]:
            v[r['verdict']] += 1
    n = sum(v.values())
    print(f"| {s} | {total} | {n} | {v['real']} | {v['negligible']} | {v['wrong']} | {100 * v['real'] / n:.0f}% |" if n else f'| {s} | {total} | 0 | - | - | - | - |')
