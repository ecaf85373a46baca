package cases.invariant_field_in_loop;

/**
 * The loop reads an invariant field and also calls a method far larger than FreqInlineSize
 * (325 bytes). C2 compiles that call as a real call it cannot see through, so it must assume the
 * call may write the field and reloads it each iteration: the finding gets the higher severity.
 * The callee itself only does arithmetic on its argument, which the bytecode facts can prove.
 */
public class FieldReadAcrossOpaqueCall {

    private int scale;

    int checksum(int[] xs) {
        int h = 0;
        for (int i = 0; i < xs.length; i++) {
            int v = xs[i] * scale; // expect: invariant-field-in-loop
            h += scramble(v); // expect: uninlinable-call-in-loop
        }
        return h;
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
}
