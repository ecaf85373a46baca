package dev.hoist.core.facts.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Loop shapes for the facts tests; line numbers matter, so add new methods at the end. */
public class Loops {
    private int[] data = new int[8];
    private final List<String> names = new ArrayList<>();

    int nested(int n, int m) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                s += i * j;
            }
        }
        return s;
    }

    int fieldInLoop() {
        int s = 0;
        for (int i = 0; i < data.length; i++) {
            s += data[i];
        }
        return s;
    }

    List<String> keepAndDrop(String[] xs) {
        List<String> out = new ArrayList<>();
        for (String x : xs) {
            int[] scratch = new int[2];
            scratch[0] = x.length();
            out.add(new String(x));
        }
        return out;
    }

    int readAll(BufferedReader r) throws IOException {
        int c = 0;
        String line;
        while ((line = r.readLine()) != null) {
            c += line.length();
        }
        return c;
    }

    int drain(Iterator<String> it) {
        int c = 0;
        while (it.hasNext()) {
            c += it.next().length();
        }
        return c;
    }

    int overList() {
        int c = 0;
        for (String s : names) {
            c += s.length();
        }
        return c;
    }

    int withTryAndLock(Object lock, String[] xs) {
        int c = 0;
        for (String x : xs) {
            try {
                c += Integer.parseInt(x);
            } catch (NumberFormatException e) {
                c--;
            }
            synchronized (lock) {
                c++;
            }
        }
        return c;
    }

    int straight(int a) {
        return a + 1;
    }

    int countdown(int n) {
        int c = 0;
        while (n-- > 0) {
            c += n;
        }
        return c;
    }

    int perIterationReceiver(Loops[] all) {
        int s = 0;
        for (int i = 0; i < all.length; i++) {
            s += all[i].data.length;
        }
        return s;
    }

    int switches(int[] xs) {
        int c = 0;
        for (int x : xs) {
            switch (x) {
                case 1: c++; break;
                case 2: c += 2; break;
                case 3: c--; break;
                default: c = 0;
            }
            switch (x) {
                case 10: c++; break;
                case 1000: c--; break;
                default: break;
            }
            c += x > 1000 ? 1 : 2;
        }
        return c;
    }

    int elided(String[] xs, boolean upper) {
        int c = 0;
        for (String x : xs) {
            c += Integer.parseInt((upper ? x : "0").trim());
        }
        return c;
    }

    private int hits;

    synchronized void hit() {
        hits++;
    }
}
