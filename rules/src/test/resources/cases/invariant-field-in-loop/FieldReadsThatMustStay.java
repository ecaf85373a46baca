package cases.invariant_field_in_loop;

/**
 * Field reads in loops that must not be reported: the value can change between iterations
 * (volatile, written by the loop, written by a callee), the receiver changes per iteration,
 * the read happens once before the loop, or the JIT already treats the field as a constant.
 */
public class FieldReadsThatMustStay {

    // C2 trusts static final fields as constants, so this load costs nothing in compiled code.
    static final int[] TABLE = {1, 2, 3, 5, 8, 13};

    private volatile boolean running = true;
    private long total;
    private int budget;
    private int[] values;
    private Node head;

    static final class Node {
        int value;
        Node next;
    }

    static final class Item {
        int price;
    }

    // A volatile read must see other threads' writes: hoisting it would be a bug.
    long spinUntilStopped() {
        long spins = 0;
        while (running) {
            spins++;
        }
        return spins;
    }

    // The loop writes the field itself.
    void accumulate(long[] xs) {
        for (int i = 0; i < xs.length; i++) {
            total += xs[i];
        }
    }

    // A callee writes the field, so its value changes between iterations.
    int buyAll(int[] costs) {
        int bought = 0;
        for (int i = 0; i < costs.length; i++) {
            if (budget >= costs[i]) {
                spend(costs[i]);
                bought++;
            }
        }
        return bought;
    }

    private void spend(int cost) {
        budget -= cost;
    }

    // The receiver is a different node on every iteration.
    int sumList() {
        int sum = 0;
        for (Node n = head; n != null; n = n.next) {
            sum += n.value;
        }
        return sum;
    }

    // The receiver is a different array element on every iteration.
    static int totalPrice(Item[] items) {
        int sum = 0;
        for (int i = 0; i < items.length; i++) {
            sum += items[i].price;
        }
        return sum;
    }

    // for-each over an array field loads the field once, before the loop.
    int sumValues() {
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }

    // The fix: the field copied to a local before the loop.
    int sumValuesHoisted(int n) {
        int[] vs = values;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += vs[i];
        }
        return sum;
    }

    static int dot(int[] xs) {
        int sum = 0;
        for (int i = 0; i < TABLE.length; i++) {
            sum += TABLE[i] * xs[i];
        }
        return sum;
    }

    // Jackson's UTF8StreamJsonParser._finishString2 shape: the loop reads inputEnd and, when the
    // buffer runs out, calls loadMoreGuaranteed(), which calls loadMore(), which writes inputEnd.
    // The write is two calls below the loop: copying inputEnd into a local breaks the parser.
    private int inputEnd;
    private int inputPtr;
    private byte[] buffer = new byte[16];

    int skipSpaces() {
        int n = 0;
        while (true) {
            if (inputPtr >= inputEnd) {
                loadMoreGuaranteed();
            }
            if (buffer[inputPtr++] != ' ') return n; // expect: invariant-field-in-loop
            n++;
        }
    }

    private void loadMoreGuaranteed() {
        if (!loadMore()) throw new IllegalStateException("end of input");
    }

    private boolean loadMore() {
        inputPtr = 0;
        inputEnd = refill(buffer);
        return inputEnd > 0;
    }

    private static int refill(byte[] b) {
        b[0] = 'x';
        return 1;
    }
}
