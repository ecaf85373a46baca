# Times the hello server to its port opening by hand: baseline, an AppCDS archive, C1 only, interleaved.
# Usage (in a folder with cp.txt holding the class path): python3 hand.py ARCHIVE.jsa RUNS
import socket, subprocess, sys, time, statistics
cp = open('cp.txt').read().strip()
def once(flags):
    t0 = time.monotonic()
    p = subprocess.Popen(['java'] + flags + ['-cp', cp, 'Hello', '8086'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                socket.create_connection(('127.0.0.1', 8086), timeout=0.05).close()
                return (time.monotonic() - t0) * 1000
            except OSError:
                time.sleep(0.002)
    finally:
        p.kill(); p.wait()
variants = {'baseline': [], 'appcds': ['-XX:SharedArchiveFile=' + sys.argv[1]], 'c1': ['-XX:TieredStopAtLevel=1']}
res = {k: [] for k in variants}
for r in range(int(sys.argv[2])):
    for k, f in variants.items():
        res[k].append(once(f)); time.sleep(0.2)
for k, v in res.items():
    print(k, 'median %.0f ms' % statistics.median(v), ' '.join('%.0f' % x for x in v))
