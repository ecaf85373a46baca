package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A rule engine that builds a fresh error reporter for every expression it evaluates, as Saxon's
 * XPath evaluation did inside PMD: the reporter holds a PrintWriter over a 16 KB buffer, so most of
 * the bytes the program allocates are reporters that are never written to. The waste is not in a
 * loop's own code: it is an object built per call of a hot path.
 */
public final class RuleEvaluation {

    /** Reports evaluation errors; built per evaluation here, though it holds no per-call state. */
    static final class ErrorReporter {
        private final PrintWriter out;

        ErrorReporter() {
            out = new PrintWriter(new BufferedWriter(new StringWriter(), 16 * 1024));
        }

        void error(String message) {
            out.println(message);
        }
    }

    static int evaluate(String expression, int value) {
        ErrorReporter errors = new ErrorReporter();
        int r = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '+') r += value;
            else if (c == '*') r *= 2;
            else if (c != ' ') errors.error("unexpected " + c);
        }
        return r;
    }

    public static void main(String[] args) {
        String[] expressions = {"+ + *", "* + + *", "+ * + * +"};
        Runner.runPasses(args, "RuleEvaluation", () -> {
            long sum = 0;
            for (int i = 0; i < 20_000; i++) sum += evaluate(expressions[i % 3], i);
            return sum;
        });
    }
}
