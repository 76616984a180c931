package kvlab.harness.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A module's rules in order: the first rule that covers a reference decides it, and a reference no
 * rule covers is denied with the book's fallback reason. That makes the book an allow-list: what is
 * not allowed by name is denied.
 */
final class RuleBook {
    private final List<Rule> rules;
    private final String fallbackReason;

    private RuleBook(List<Rule> rules, String fallbackReason) {
        this.rules = List.copyOf(rules);
        this.fallbackReason = fallbackReason;
    }

    /** Starts a book whose uncovered references are denied for {@code fallbackReason}. */
    static Builder builder(String fallbackReason) {
        return new Builder(fallbackReason);
    }

    /** The verdict of the first rule covering {@code target}, or a denial if none does. */
    Verdict decide(Target target) {
        for (Rule rule : rules) {
            if (rule.covers(target)) {
                return rule.verdict();
            }
        }
        return new Verdict.Deny(fallbackReason);
    }

    /** Adds rules in the order they are to be tried. Owners are {@link Glob#ofClass class globs}. */
    static final class Builder {
        private static final Glob ANY = Glob.ofText("*");
        private static final Verdict ALLOW = new Verdict.Allow();

        private final List<Rule> rules = new ArrayList<>();
        private final String fallbackReason;

        private Builder(String fallbackReason) {
            this.fallbackReason = fallbackReason;
        }

        /** Allows the classes matching {@code owners} and every member of them. */
        Builder allow(String... owners) {
            return classes(Rule.Scope.CLASS, ALLOW, owners);
        }

        /** Allows naming the class {@code owner} itself (casts, class constants), none of its members. */
        Builder allowType(String owner) {
            return classes(Rule.Scope.TYPE, ALLOW, owner);
        }

        /** Allows the members of {@code owner} named {@code names}, whatever their descriptor. */
        Builder allowMembers(String owner, String... names) {
            return members(ALLOW, owner, "*", names);
        }

        /** Denies the classes matching {@code owners} and every member of them. */
        Builder deny(String reason, String... owners) {
            return classes(Rule.Scope.CLASS, new Verdict.Deny(reason), owners);
        }

        /** Denies the members of {@code owner} named {@code names}, whatever their descriptor. */
        Builder denyMembers(String reason, String owner, String... names) {
            return members(new Verdict.Deny(reason), owner, "*", names);
        }

        /** Denies the members of {@code owner} named {@code name} whose descriptor matches {@code descriptor}. */
        Builder denyMember(String reason, String owner, String name, String descriptor) {
            return members(new Verdict.Deny(reason), owner, descriptor, name);
        }

        RuleBook build() {
            return new RuleBook(rules, fallbackReason);
        }

        private Builder classes(Rule.Scope scope, Verdict verdict, String... owners) {
            for (String owner : owners) {
                rules.add(new Rule(Glob.ofClass(owner), scope, ANY, ANY, verdict));
            }
            return this;
        }

        private Builder members(Verdict verdict, String owner, String descriptor, String... names) {
            for (String name : names) {
                rules.add(new Rule(Glob.ofClass(owner), Rule.Scope.MEMBERS, Glob.ofText(name),
                        Glob.ofText(descriptor), verdict));
            }
            return this;
        }
    }
}
