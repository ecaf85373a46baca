package cases.uninlinable_call_in_loop;

import java.util.List;

/**
 * A method that calls itself from its own loop walks a tree (guava's ClassPath.scanDirectory,
 * TypeToken.collectTypes): one real call per node is the design, so the finding is only
 * informational and suggests an explicit stack only if the profile shows the call overhead.
 */
public class RecursiveWalk {

    static final class Node {
        int value;
        List<Node> children;
    }

    static int sum(Node n) {
        int s = n.value;
        for (int i = 0; i < n.children.size(); i++) { // expect: invariant-call-in-loop
            s += sum(n.children.get(i)); // expect: uninlinable-call-in-loop@info "recursive walk", invariant-field-in-loop
        }
        return s;
    }
}
