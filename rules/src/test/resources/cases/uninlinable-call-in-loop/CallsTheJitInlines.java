package cases.uninlinable_call_in_loop;

/**
 * Calls in loops that C2 inlines or intrinsifies, and an oversized call made outside any loop:
 * nothing to report.
 */
public class CallsTheJitInlines {

    // Under MaxInlineSize (35 bytes): inlined even when not hot.
    static int mix(int x) {
        return (x ^ (x >>> 16)) * 0x45d9f3b;
    }

    // Between MaxInlineSize and FreqInlineSize: inlined once the call site is hot.
    static int medium(int x) {
        int h = x * 0x9e3779b9;
        h ^= h >>> 15;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        h += x << 3;
        h ^= h >>> 7;
        h *= 0x27d4eb2f;
        return h ^ (h >>> 11);
    }

    static int smallCalls(int[] xs) {
        int h = 0;
        for (int i = 0; i < xs.length; i++) {
            h += mix(xs[i]);
            h ^= medium(h);
        }
        return h;
    }

    // System.arraycopy is native but a C2 intrinsic, not a call.
    static void shiftAll(int[][] rows, int[] buffer) {
        for (int[] row : rows) {
            System.arraycopy(row, 1, buffer, 0, row.length - 1);
        }
    }

    // The oversized callee runs once, outside the loop.
    static int seedThenSum(int seed, int[] xs) {
        int h = scramble(seed);
        for (int i = 0; i < xs.length; i++) {
            h += xs[i];
        }
        return h;
    }

    // Straight-line mixing, well over 325 bytes of bytecode.
    static int scramble(int x) {
        int h = x;
        h = (h ^ 0x7feb352d) * 0x85ebca6b + (h >>> 3);
        h = (h ^ 0x846ca68b) * 0xc2b2ae35 + (h >>> 10);
        h = (h ^ 0x9e3779b9) * 0x27d4eb2f + (h >>> 17);
        h = (h ^ 0x85ebca6b) * 0x165667b1 + (h >>> 24);
        h = (h ^ 0xc2b2ae35) * 0x61c88647 + (h >>> 31);
        h = (h ^ 0x27d4eb2f) * 0x7feb352d + (h >>> 9);
        h = (h ^ 0x165667b1) * 0x846ca68b + (h >>> 16);
        h = (h ^ 0x61c88647) * 0x9e3779b9 + (h >>> 23);
        h = (h ^ 0x7feb352d) * 0x85ebca6b + (h >>> 30);
        h = (h ^ 0x846ca68b) * 0xc2b2ae35 + (h >>> 8);
        h = (h ^ 0x9e3779b9) * 0x27d4eb2f + (h >>> 15);
        h = (h ^ 0x85ebca6b) * 0x165667b1 + (h >>> 22);
        h = (h ^ 0xc2b2ae35) * 0x61c88647 + (h >>> 29);
        h = (h ^ 0x27d4eb2f) * 0x7feb352d + (h >>> 7);
        h = (h ^ 0x165667b1) * 0x846ca68b + (h >>> 14);
        h = (h ^ 0x61c88647) * 0x9e3779b9 + (h >>> 21);
        h = (h ^ 0x7feb352d) * 0x85ebca6b + (h >>> 28);
        h = (h ^ 0x846ca68b) * 0xc2b2ae35 + (h >>> 6);
        h = (h ^ 0x9e3779b9) * 0x27d4eb2f + (h >>> 13);
        h = (h ^ 0x85ebca6b) * 0x165667b1 + (h >>> 20);
        h = (h ^ 0xc2b2ae35) * 0x61c88647 + (h >>> 27);
        h = (h ^ 0x27d4eb2f) * 0x7feb352d + (h >>> 5);
        h = (h ^ 0x165667b1) * 0x846ca68b + (h >>> 12);
        h = (h ^ 0x61c88647) * 0x9e3779b9 + (h >>> 19);
        h = (h ^ 0x7feb352d) * 0x85ebca6b + (h >>> 26);
        h = (h ^ 0x846ca68b) * 0xc2b2ae35 + (h >>> 4);
        h = (h ^ 0x9e3779b9) * 0x27d4eb2f + (h >>> 11);
        h = (h ^ 0x85ebca6b) * 0x165667b1 + (h >>> 18);
        h = (h ^ 0xc2b2ae35) * 0x61c88647 + (h >>> 25);
        h = (h ^ 0x27d4eb2f) * 0x7feb352d + (h >>> 3);
        h = (h ^ 0x165667b1) * 0x846ca68b + (h >>> 10);
        h = (h ^ 0x61c88647) * 0x9e3779b9 + (h >>> 17);
        return h;
    }
}
