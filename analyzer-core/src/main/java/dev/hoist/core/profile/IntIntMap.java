package dev.hoist.core.profile;

import java.util.Arrays;

/** Open-addressing int to int map: the per-event id translation must not box on a million events. */
final class IntIntMap {
    private int[] keys;
    private int[] values;
    private boolean[] used;
    private int size;

    IntIntMap() {
        keys = new int[256];
        values = new int[256];
        used = new boolean[256];
    }

    /** The value for key, or -1. */
    int get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return -1;
    }

    void put(int key, int value) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (!used[i]) {
            used[i] = true;
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    private void grow() {
        int[] k = keys;
        int[] v = values;
        boolean[] u = used;
        keys = new int[k.length * 2];
        values = new int[k.length * 2];
        used = new boolean[k.length * 2];
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (u[i]) {
                put(k[i], v[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
