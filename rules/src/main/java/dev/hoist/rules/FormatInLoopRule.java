package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Value;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.CostKind;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.LdcInsnNode;

/**
 * A format call per iteration ({@code String.format}, {@code formatted}, {@code printf},
 * {@code Formatter.format}, the static {@code MessageFormat.format}) with a format string that is
 * the same every time: each call parses it again, boxes the primitives and builds a Formatter.
 */
public final class FormatInLoopRule implements Rule {

    @Override
    public String id() {
        return "format-in-loop";
    }

    @Override
    public String title() {
        return "A format string parsed and formatted on every iteration";
    }

    @Override
    public String mechanism() {
        return "String.format and its relatives parse the format string with a regex-free but allocating parser on "
                + "every call, box every primitive argument into the varargs Object[], and create a Formatter and a "
                + "StringBuilder. None of it is cached between calls and the varargs array and boxes flow into code "
                + "too big to inline, so escape analysis rarely removes them.";
    }

    @Override
    public CostKind costKind() {
        return CostKind.ALLOCATION;
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (CallSite c : loop.calls()) {
                int formatArg = formatArgument(c);
                if (formatArg == -1 || formatArg >= c.arguments().size()) continue;
                // a format string that changes per iteration cannot be replaced by fixed appends
                boolean invariant = formatArg == -2 ? c.receiver() != null && c.receiver().invariant() : c.arguments().get(formatArg).invariant();
                if (!invariant) continue;
                out.add(finding(facts, loop, c, formatArg));
            }
        }
        return out;
    }

    /** The index of the format string among the call's arguments, or -1 when the call is not a per-call format. */
    static int formatArgument(CallSite c) {
        String d = c.descriptor();
        boolean locale = d.startsWith("(Ljava/util/Locale;");
        return switch (c.owner()) {
            case "java/lang/String" -> {
                if (c.name().equals("format") && c.isStatic()) yield locale ? 1 : 0;
                if (c.name().equals("formatted")) yield -2; // the receiver is the format
                yield -1;
            }
            case "java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter" ->
                    c.name().equals("printf") || c.name().equals("format") ? (locale ? 1 : 0) : -1;
            // the instance format(Object) uses a pattern parsed once; only the static one parses per call
            case "java/text/MessageFormat" -> c.name().equals("format") && c.isStatic() ? 0 : -1;
            default -> -1;
        };
    }

    private Finding finding(MethodFacts facts, Loop loop, CallSite c, int formatArg) {
        boolean every = facts.everyIteration(loop, c.insn());
        String call = Names.simple(c.owner()) + "." + c.name();
        String format = formatText(facts, c, formatArg);
        boolean message = c.owner().equals("java/text/MessageFormat");
        String advice = message
                ? "Build the MessageFormat once before the loop (new MessageFormat(" + format + ")) and call its format(Object[]) per "
                    + "iteration, or append the parts to a StringBuilder."
                : "Where the pattern is fixed, append the parts to one StringBuilder kept across iterations (setLength(0) at the "
                    + "top), padding numbers by hand; or build a java.time DateTimeFormatter / DecimalFormat once for dates and fixed-width numbers.";
        String before = c.name().equals("formatted") ? format + ".formatted(...)" : call + "(" + format + ", ...)";
        String after = message
                ? "MessageFormat mf = new MessageFormat(" + format + ");\nfor (...) {\n    ... mf.format(new Object[] {...}) ...\n}"
                : "StringBuilder sb = new StringBuilder(64);\nfor (...) {\n    sb.setLength(0);\n"
                    + "    sb.append(...).append(...); // the text and arguments of " + format + ", in order\n    ... sb ...\n}";
        return Finding.at(this, facts, loop, c.insn())
                .score(every ? 45 : 30)
                .confidence(Confidence.MEDIUM)
                .message(call + " formats with " + format + (every ? " on every iteration" : " on some iterations (it is behind a branch)")
                        + " of the loop at lines " + loop.firstLine() + "-" + loop.lastLine() + ": each call parses the format string again, "
                        + "boxes every primitive argument into the Object[] of arguments and makes a Formatter and a StringBuilder. " + advice)
                .fix("for (...) {\n    ... " + before + " ...\n}", after)
                .build();
    }

    /** The format string as Java source when it is a constant, else the name the facts give it. */
    private static String formatText(MethodFacts facts, CallSite c, int formatArg) {
        if (formatArg == -2) {
            return c.receiver() == null || !c.receiver().nameable() ? "format" : c.receiver().text();
        }
        int p = facts.argumentProducer(c, formatArg);
        if (p >= 0 && facts.instruction(p) instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
            return Names.javaLiteral(s);
        }
        Value t = c.arguments().get(formatArg);
        return t.nameable() ? t.text() : "format";
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        return Judge.allocatedThrough(finding, site, java.util.Set.of("java.util.Formatter.<init>", "java.util.Formatter.format",
                "java.util.Formatter.parse", "java.lang.String.format", "java.text.MessageFormat.format"), "the format call allocated");
    }
}
