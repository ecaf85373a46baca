package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Copy;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.Uses;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Value;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** A per-iteration copy (substring, Arrays.copyOf, getBytes, ...) whose result is only used inside the iteration. */
public final class CopyInLoopRule implements Rule {
    @Override
    public String id() {
        return "copy-in-loop";
    }

    @Override
    public String title() {
        return "Data copied on every iteration where an index or a view would do";
    }

    @Override
    public String mechanism() {
        return "substring, Arrays.copyOf(Range), toCharArray, getBytes, new String(bytes) and toByteArray allocate a "
                + "new array and copy every element (getBytes and new String also encode or decode). C2 removes such a "
                + "copy only in the rare case where escape analysis proves the copy never leaves compiled code; "
                + "normally it is a real allocation plus O(length) work per iteration.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (Copy c : loop.copies()) {
                if (c.growth() || c.uses().kept()) continue;
                String src = c.sourceText().isEmpty() ? "the data" : c.sourceText();
                Finding parse = parseInPlace(facts, loop, c);
                if (parse != null) {
                    out.add(parse);
                    continue;
                }
                boolean invariant = sourceInvariant(loop, c);
                // a fresh source each iteration, copied for a call that takes the array or string itself
                // (StringSubstitutor hands a variable's chars to a matcher): nothing to hoist, nothing to read in place
                if (!invariant && c.uses().escapes().contains(Uses.Escape.PASSED) && (c.uses().passedTo() == null || !IN_PLACE.contains(c.uses().passedTo()))) continue;
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(facts.everyIteration(loop, c.insn()) ? 50 : 35)
                        .confidence(Confidence.MEDIUM)
                        .message(c.what() + " copies " + src + (facts.everyIteration(loop, c.insn()) ? " on every iteration" : " on some iterations (it is behind a branch)")
                                + " of " + loop.where() + " and the copy does not outlive the iteration. " + advice(c.what(), invariant))
                        .fix(before(c.what(), src), after(c.what(), src, invariant))
                        .build());
            }
        }
        return out;
    }

    /**
     * {@code Integer.parseInt(s.substring(a, b))}: the copy only feeds the parser, and since Java 9
     * {@code Integer.parseInt(CharSequence, begin, end, radix)} (and {@code Long.parseLong}'s) reads
     * the digits in place. Null when the copy is anything else.
     */
    private Finding parseInPlace(MethodFacts facts, Loop loop, Copy c) {
        if (!c.what().equals("String.substring")) return null;
        CallSite sub = loop.call(c.insn());
        if (sub == null || sub.receiver() == null || sub.arguments().isEmpty()) return null;
        String recv = sub.receiver().text();
        List<String> args = sub.arguments().stream().map(Value::text).toList();
        String subText = recv + ".substring(" + String.join(", ", args) + ")";
        for (String[] parser : new String[][] {{"java/lang/Integer", "parseInt"}, {"java/lang/Long", "parseLong"}}) {
            String name = Names.simple(parser[0]) + "." + parser[1];
            if (!c.uses().onlyPassedTo(name)) continue;
            for (CallSite p : loop.calls()) {
                // the parse this very substring is handed to
                if (!p.is(parser[0], parser[1]) || p.arguments().isEmpty() || facts.argumentProducer(p, 0) != c.insn()) continue;
                String radix = p.arguments().size() == 2 ? p.arguments().get(1).text() : "10";
                String end = args.size() == 2 ? args.get(1) : recv + ".length()";
                if (!sub.receiver().nameable() || !sub.arguments().stream().allMatch(Value::nameable)
                        || (p.arguments().size() == 2 && !p.arguments().get(1).nameable())) {
                    return null;
                }
                String expression = name + "(" + subText + (p.arguments().size() == 2 ? ", " + radix : "") + ")";
                String replacement = name + "(" + recv + ", " + args.get(0) + ", " + end + ", " + radix + ")";
                // for the source: the arguments as the user wrote them (a constant's name, not its value)
                String pattern = name + "(" + recv + ".substring($1" + (args.size() == 2 ? ", $2" : "") + ")"
                        + (p.arguments().size() == 2 ? ", $3" : "") + ")";
                String rewritten = name + "(" + recv + ", $1, " + (args.size() == 2 ? "$2" : recv + ".length()") + ", "
                        + (p.arguments().size() == 2 ? "$3" : "10") + ")";
                boolean every = facts.everyIteration(loop, c.insn());
                return Finding.at(this, facts, loop, c.insn())
                        .score(every ? 50 : 35)
                        .confidence(Confidence.HIGH)
                        .message("String.substring copies part of " + recv + (every ? " on every iteration" : " on some iterations")
                                + " of " + loop.where() + " only for " + name
                                + " to read it. Since Java 9, " + name + "(CharSequence, beginIndex, endIndex, radix) reads the "
                                + "digits in place: no String and no byte[] copy, the same result, and a NumberFormatException for the same inputs.")
                        .fix("for (...) {\n    ... " + expression + " ...\n}", "for (...) {\n    ... " + replacement + " ...\n}")
                        .rewrite(pattern, rewritten)
                        .build();
            }
        }
        return null;
    }

    private static String advice(String what, boolean invariant) {
        return switch (what) {
            case "String.substring" -> "Work on the original with indices (regionMatches, indexOf(ch, from), charAt) or a CharBuffer.wrap view.";
            case "String.toCharArray" -> invariant ? "Read characters with charAt, or convert once before the loop." : "Read characters with charAt.";
            case "String.getBytes", "new String(byte[])", "new String(char[])" -> "Encode or decode once outside the loop, or work on the bytes directly.";
            case "ByteArrayOutputStream.toByteArray" -> "Use the stream's size()/writeTo(), or convert once after the loop.";
            default -> "Pass the original array with offset and length, or use a ByteBuffer/IntBuffer view.";
        };
    }

    private static String before(String what, String src) {
        return switch (what) {
            case "String.substring" -> "for (...) {\n    if (" + src + ".substring(i, i + k).equals(word)) ...\n}";
            case "String.toCharArray" -> "for (...) {\n    char[] cs = " + src + ".toCharArray();\n    ... cs[j] ...\n}";
            default -> "for (...) {\n    var copy = " + what + "(" + src + ", ...);\n    use(copy);\n}";
        };
    }

    /** Calls with an overload that reads a range of the original, so a copy handed to them can go. */
    private static final java.util.Set<String> IN_PLACE = java.util.Set.of("StringBuilder.append", "StringBuffer.append",
            "Writer.write", "StringWriter.write", "PrintWriter.write", "String.equals", "String.contentEquals", "Arrays.equals",
            "Arrays.compare", "Arrays.mismatch", "OutputStream.write", "ByteArrayOutputStream.write", "Integer.parseInt",
            "Long.parseLong");

    /** Whether what is copied is the same on every iteration (the receiver of substring, the array Arrays.copyOf copies). */
    private static boolean sourceInvariant(Loop loop, Copy c) {
        CallSite call = loop.call(c.insn());
        if (call == null) return false;
        Value src = call.receiver() != null ? call.receiver() : call.arguments().isEmpty() ? null : call.arguments().get(0);
        return src != null && src.invariant();
    }

    private static String after(String what, String src, boolean invariant) {
        return switch (what) {
            case "String.substring" -> "for (...) {\n    if (" + src + ".regionMatches(i, word, 0, k)) ...\n}";
            case "String.toCharArray" -> invariant ? "char[] cs = " + src + ".toCharArray();\nfor (...) {\n    ... cs[j] ...\n}"
                    : "for (...) {\n    ... " + src + ".charAt(j) ...\n}";
            default -> "for (...) {\n    use(" + src + ", from, to); // no copy\n}";
        };
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.ALLOCATION;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        return Judge.allocatedThrough(finding, site, java.util.Set.of("java.util.Arrays.copyOf", "java.util.Arrays.copyOfRange",
                "java.lang.String.substring", "java.lang.StringLatin1.newString", "java.lang.StringUTF16.newString",
                "java.lang.System.arraycopy", "java.util.ArrayList.<init>", "java.lang.String.<init>", "java.lang.String.toCharArray",
                "java.lang.String.getBytes"), "the copy was allocated");
    }
}
