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
 * A regular expression compiled on every iteration: {@code String.replaceAll/replaceFirst/matches/split}
 * (each compiles its regex argument per call, except split's one-character fastpath),
 * {@code Pattern.compile} and {@code Pattern.matches} with a regex that is the same on every iteration.
 */
public final class RegexInLoopRule implements Rule {
    private static final String STRING = "java/lang/String";
    private static final String PATTERN = "java/util/regex/Pattern";

    @Override
    public String id() {
        return "regex-in-loop";
    }

    @Override
    public String title() {
        return "A regular expression compiled on every iteration";
    }

    @Override
    public String mechanism() {
        return "String.replaceAll, replaceFirst, matches and split (beyond its one-character fastpath) call "
                + "Pattern.compile on every call: the regex is parsed into a new tree of node objects before any "
                + "matching starts. The JIT does not cache or hoist it; the Pattern is built, used once and dropped, "
                + "so the parse and its garbage are paid per iteration.";
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
                if (c.loop() != loop || c.arguments().isEmpty()) continue;
                boolean onString = c.owner().equals(STRING) && c.receiver() != null
                        && (c.name().equals("replaceAll") || c.name().equals("replaceFirst")
                            || c.name().equals("matches") || c.name().equals("split"));
                boolean onPattern = c.owner().equals(PATTERN) && c.isStatic()
                        && (c.name().equals("compile") || c.name().equals("matches"));
                if (!onString && !onPattern) continue;
                Value regex = c.arguments().get(0);
                String constant = constantString(facts, c);
                // a regex that changes per iteration must be compiled per iteration: nothing to hoist
                if (constant == null && !regex.invariant()) continue;
                if (constant == null && onString && c.name().equals("split")) continue; // may take the fastpath
                if (constant != null && onString && c.name().equals("split") && splitFastpath(constant)) continue;
                out.add(finding(facts, loop, c, constant));
            }
        }
        return out;
    }

    private Finding finding(MethodFacts facts, Loop loop, CallSite c, String constant) {
        boolean every = facts.everyIteration(loop, c.insn());
        String call = Names.simple(c.owner()) + "." + c.name();
        String regexCode = constant != null ? Names.javaLiteral(constant) : c.arguments().get(0).text();
        String recv = c.receiver() == null || !c.receiver().nameable() ? "s" : c.receiver().text();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < c.arguments().size(); i++) {
            Value a = c.arguments().get(i);
            rest.add(a.nameable() ? a.text() : "arg" + i);
        }
        String name = constant != null ? "PATTERN" : "pattern";
        String before;
        String use;
        if (c.owner().equals(PATTERN)) {
            String input = rest.isEmpty() ? "s" : rest.get(0);
            before = c.name().equals("compile")
                    ? "Pattern.compile(" + regexCode + (rest.isEmpty() ? "" : ", " + String.join(", ", rest)) + ").matcher(s)"
                    : "Pattern.matches(" + regexCode + ", " + input + ")";
            use = c.name().equals("compile") ? name + ".matcher(s)" : name + ".matcher(" + input + ").matches()";
        } else {
            before = recv + "." + c.name() + "(" + regexCode + (rest.isEmpty() ? "" : ", " + String.join(", ", rest)) + ")";
            use = switch (c.name()) {
                case "split" -> name + ".split(" + recv + (rest.isEmpty() ? "" : ", " + rest.get(0)) + ")";
                case "matches" -> name + ".matcher(" + recv + ").matches()";
                default -> name + ".matcher(" + recv + ")." + c.name() + "(" + String.join(", ", rest) + ")";
            };
        }
        String flags = c.owner().equals(PATTERN) && c.name().equals("compile") && rest.size() == 1 ? ", " + rest.get(0) : "";
        String declare = constant != null
                ? "private static final Pattern PATTERN = Pattern.compile(" + regexCode + flags + ");\n"
                : "Pattern pattern = Pattern.compile(" + regexCode + flags + ");\n";
        String advice = constant != null
                ? "Compile it once into a private static final Pattern and call " + use + " in the loop."
                : "The regex " + regexCode + " is the same on every iteration: compile it once above the loop with "
                    + "Pattern.compile(" + regexCode + ") and call " + use + " in the loop.";
        return Finding.at(this, facts, loop, c.insn())
                .score(every ? 60 : 45)
                .confidence(Confidence.HIGH)
                .message(call + " compiles the regex " + regexCode + (every ? " on every iteration" : " on some iterations (it is behind a branch)")
                        + " of the loop at lines " + loop.firstLine() + "-" + loop.lastLine()
                        + ": the pattern is parsed into a new node tree each time and dropped after one use. " + advice)
                .fix("for (...) {\n    ... " + before + " ...\n}",
                        (constant != null ? declare + "...\n" : declare) + "for (...) {\n    ... " + use + " ...\n}")
                .build();
    }

    /** The regex when the call's first argument is a string literal or a compile-time constant (javac inlines those as ldc). */
    private static String constantString(MethodFacts facts, CallSite c) {
        int p = facts.argumentProducer(c, 0);
        if (p < 0) return null;
        return facts.instruction(p) instanceof LdcInsnNode ldc && ldc.cst instanceof String s ? s : null;
    }

    /**
     * String.split's fastpath (JDK 7+): a one-character regex that is not one of ".$|()[{^?*+\\", or a
     * backslash followed by a character that is not an ASCII letter or digit, is split without Pattern.
     */
    static boolean splitFastpath(String regex) {
        if (regex.length() == 1) {
            return ".$|()[{^?*+\\".indexOf(regex.charAt(0)) < 0;
        }
        if (regex.length() == 2 && regex.charAt(0) == '\\') {
            char ch = regex.charAt(1);
            boolean letterOrDigit = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
            return !letterOrDigit && !Character.isSurrogate(ch);
        }
        return false;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        return Judge.allocatedThrough(finding, site, java.util.Set.of("java.util.regex.Pattern.compile", "java.util.regex.Pattern.<init>",
                "java.util.regex.Pattern.matcher"), "a Pattern was compiled");
    }
}
