package dev.hoist.core.rule;

/** How sure the rule is that the pattern costs something at run time; profile evidence can raise it. */
public enum Confidence { LOW, MEDIUM, HIGH }
