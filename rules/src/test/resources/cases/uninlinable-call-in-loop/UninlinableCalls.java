package cases.uninlinable_call_in_loop;

/**
 * Calls in loops that C2 compiles as real calls: a callee over FreqInlineSize (325 bytes of
 * bytecode), a native method that is not an intrinsic, and a recursive method.
 */
public class UninlinableCalls {

    static final class Node {
        Node left;
        Node right;
    }

    // Never called: declared so the call site has a native target.
    private static native long crc(long seed, int value);

    static int hashAll(int[] xs) {
        int h = 0;
        for (int i = 0; i < xs.length; i++) {
            h += scramble(xs[i]); // expect: uninlinable-call-in-loop
        }
        return h;
    }

    static long crcAll(int[] xs) {
        long c = 0;
        for (int x : xs) {
            c = crc(c, x); // expect: uninlinable-call-in-loop
        }
        return c;
    }

    static int totalDepth(Node[] roots) {
        int sum = 0;
        for (Node r : roots) {
            sum += depth(r); // expect: uninlinable-call-in-loop
        }
        return sum;
    }

    long mixAll(long[] xs) {
        long h = 0;
        int i = 0;
        while (i < xs.length) {
            h ^= scrambleWide(xs[i]); // expect: uninlinable-call-in-loop
            i++;
        }
        return h;
    }

    static int depth(Node n) {
        if (n == null) {
            return 0;
        }
        return 1 + Math.max(depth(n.left), depth(n.right));
    }

    // Straight-line mixing, about 13 bytes of bytecode per statement: well over 325 bytes.
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

    // The same mixing on longs, as an instance method: invokevirtual of an oversized callee.
    long scrambleWide(long x) {
        long h = x;
        h = (h ^ 0x7feb352dL) * 0x85ebca6bL + (h >>> 3);
        h = (h ^ 0x846ca68bL) * 0xc2b2ae35L + (h >>> 10);
        h = (h ^ 0x9e3779b9L) * 0x27d4eb2fL + (h >>> 17);
        h = (h ^ 0x85ebca6bL) * 0x165667b1L + (h >>> 24);
        h = (h ^ 0xc2b2ae35L) * 0x61c88647L + (h >>> 31);
        h = (h ^ 0x27d4eb2fL) * 0x7feb352dL + (h >>> 9);
        h = (h ^ 0x165667b1L) * 0x846ca68bL + (h >>> 16);
        h = (h ^ 0x61c88647L) * 0x9e3779b9L + (h >>> 23);
        h = (h ^ 0x7feb352dL) * 0x85ebca6bL + (h >>> 30);
        h = (h ^ 0x846ca68bL) * 0xc2b2ae35L + (h >>> 8);
        h = (h ^ 0x9e3779b9L) * 0x27d4eb2fL + (h >>> 15);
        h = (h ^ 0x85ebca6bL) * 0x165667b1L + (h >>> 22);
        h = (h ^ 0xc2b2ae35L) * 0x61c88647L + (h >>> 29);
        h = (h ^ 0x27d4eb2fL) * 0x7feb352dL + (h >>> 7);
        h = (h ^ 0x165667b1L) * 0x846ca68bL + (h >>> 14);
        h = (h ^ 0x61c88647L) * 0x9e3779b9L + (h >>> 21);
        h = (h ^ 0x7feb352dL) * 0x85ebca6bL + (h >>> 28);
        h = (h ^ 0x846ca68bL) * 0xc2b2ae35L + (h >>> 6);
        h = (h ^ 0x9e3779b9L) * 0x27d4eb2fL + (h >>> 13);
        h = (h ^ 0x85ebca6bL) * 0x165667b1L + (h >>> 20);
        h = (h ^ 0xc2b2ae35L) * 0x61c88647L + (h >>> 27);
        h = (h ^ 0x27d4eb2fL) * 0x7feb352dL + (h >>> 5);
        h = (h ^ 0x165667b1L) * 0x846ca68bL + (h >>> 12);
        h = (h ^ 0x61c88647L) * 0x9e3779b9L + (h >>> 19);
        h = (h ^ 0x7feb352dL) * 0x85ebca6bL + (h >>> 26);
        h = (h ^ 0x846ca68bL) * 0xc2b2ae35L + (h >>> 4);
        h = (h ^ 0x9e3779b9L) * 0x27d4eb2fL + (h >>> 11);
        h = (h ^ 0x85ebca6bL) * 0x165667b1L + (h >>> 18);
        h = (h ^ 0xc2b2ae35L) * 0x61c88647L + (h >>> 25);
        h = (h ^ 0x27d4eb2fL) * 0x7feb352dL + (h >>> 3);
        h = (h ^ 0x165667b1L) * 0x846ca68bL + (h >>> 10);
        h = (h ^ 0x61c88647L) * 0x9e3779b9L + (h >>> 17);
        return h;
    }
}
