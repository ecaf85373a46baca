#!/usr/bin/env python3
"""Times `hoist gui` from start to a visible window named Hoist, for several copies of the
app-image, taking turns round-robin (shuffled each round) so that load from other processes falls
on every copy alike. Runs its own Xvfb; needs xdotool. Prints median and quartiles in ms.

Usage: window_start.py ROUNDS IMAGE...   (each IMAGE is an app-image folder with bin/hoist)
"""
import os
import random
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
images = sys.argv[2:]
xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x900x24"],
                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
env = dict(os.environ, DISPLAY=":" + xvfb.stdout.readline().decode().strip())


def once(image):
    start = time.perf_counter()
    gui = subprocess.Popen([f"{image}/bin/hoist", "gui"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # polled every 20 ms; xdotool itself takes a few ms per look
        while subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Hoist$"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            if time.perf_counter() - start > 60:
                raise RuntimeError(f"{image}: no window within 60 s")
            time.sleep(0.02)
        return (time.perf_counter() - start) * 1000
    finally:
        gui.terminate()
        gui.wait()


try:
    times = {image: [] for image in images}
    for image in images:
        once(image)  # warm-up: file cache
    for _ in range(rounds):
        for image in random.sample(images, len(images)):
            times[image].append(once(image))
    print(f"hoist gui, start to a visible window, {rounds} rounds:")
    for image in images:
        t = sorted(times[image])
        print(f"  {image:12s} median {statistics.median(t):5.0f} ms  (p25 {t[len(t) // 4]:4.0f}, "
              f"p75 {t[3 * len(t) // 4]:4.0f}, min {t[0]:4.0f})")
finally:
    xvfb.terminate()
    xvfb.wait()
