package dev.hoist.core.advice;

import dev.hoist.core.facts.Boxing;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Two small real rules for the advisor's tests in analyzer-core, which cannot depend on the rules
 * module: one finding per loop (to test joining and ranking), and one per boxing in a loop under the
 * stable id {@code boxing-in-loop}, judged by the Integer allocations at its site (to test what a rule's
 * judgement sees).
 */
public final class TestRules {
    private TestRules() {
    }

    public static final Rule EVERY_LOOP = new Rule() {
        @Override
        public String id() {
            return "every-loop";
        }

        @Override
        public String title() {
            return "Every loop";
        }

        @Override
        public String mechanism() {
            return "Reports each loop, so tests can see what the profile measured in it.";
        }

        @Override
        public List<Finding> check(MethodFacts facts) {
            List<Finding> out = new ArrayList<>();
            for (Loop loop : facts.loops()) {
                out.add(Finding.at(this, facts, loop, loop.headerInsn()).message("a loop").fix("before", "after").build());
            }
            return out;
        }
    };

    public static final Rule BOXING = new Rule() {
        @Override
        public String id() {
            return "boxing-in-loop";
        }

        @Override
        public String title() {
            return "Boxing in a loop";
        }

        @Override
        public String mechanism() {
            return "Each box is an allocation unless escape analysis removes it.";
        }

        @Override
        public List<Finding> check(MethodFacts facts) {
            List<Finding> out = new ArrayList<>();
            for (Loop loop : facts.loops()) {
                for (Boxing b : loop.boxings()) {
                    if (b.boxing() && b.loop() == loop) {
                        out.add(Finding.at(this, facts, loop, b.insn()).message("boxes " + b.boxType()).build());
                    }
                }
            }
            return out;
        }

        @Override
        public dev.hoist.core.rule.CostKind costKind() {
            return dev.hoist.core.rule.CostKind.ALLOCATION;
        }

        // what any rule, ours or a third party's, gets from the advisor: the profile at its site
        @Override
        public dev.hoist.core.rule.Judgement judge(Finding f, dev.hoist.core.rule.SiteProfile site) {
            for (dev.hoist.core.rule.SiteProfile.Alloc a : site.allocatedTypes()) {
                if (a.name().equals("java.lang.Integer")) {
                    return dev.hoist.core.rule.Judgement.confirmed(a.samples() + " allocation samples of Integer at the site");
                }
            }
            return dev.hoist.core.rule.Judgement.undecided(f.confidence());
        }
    };

    /** {@code rule} with each call of check counted in {@code checks}: how tests see that a class was analyzed. */
    public static Rule counting(Rule rule, java.util.concurrent.atomic.AtomicInteger checks) {
        return new Rule() {
            @Override
            public String id() {
                return rule.id();
            }

            @Override
            public String title() {
                return rule.title();
            }

            @Override
            public String mechanism() {
                return rule.mechanism();
            }

            @Override
            public List<Finding> check(MethodFacts facts) {
                checks.incrementAndGet();
                return rule.check(facts);
            }
        };
    }
}
