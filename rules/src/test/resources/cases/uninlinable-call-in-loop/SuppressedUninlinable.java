package cases.uninlinable_call_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Suppression with a locally declared RUNTIME-retention {@code SuppressHoist}. */
public class SuppressedUninlinable {

    @Retention(RetentionPolicy.RUNTIME)
    @interface SuppressHoist {
        String[] value();
    }

    static final class Node {
        Node left;
        Node right;
    }

    static int depth(Node n) {
        if (n == null) {
            return 0;
        }
        return 1 + Math.max(depth(n.left), depth(n.right));
    }

    @SuppressHoist("uninlinable-call-in-loop")
    static int totalDepth(Node[] roots) {
        int sum = 0;
        for (Node r : roots) {
            sum += depth(r);
        }
        return sum;
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("megamorphic-call-in-loop")
    static int maxDepth(Node[] roots) {
        int max = 0;
        for (int i = 0; i < roots.length; i++) {
            max = Math.max(max, depth(roots[i])); // expect: uninlinable-call-in-loop
        }
        return max;
    }
}
