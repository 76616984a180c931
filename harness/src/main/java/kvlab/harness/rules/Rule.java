package kvlab.harness.rules;

/**
 * One line of a module's rules: which references it covers, and whether it allows or denies them.
 * Rules are tried in order and the first that covers a reference decides it.
 *
 * @param owner   the classes it covers
 * @param scope   whether it covers the class and all its members, only the class itself, or only
 *                the members {@code member} and {@code descriptor} match
 * @param member  member names it covers (only for {@link Scope#MEMBERS})
 * @param descriptor member descriptors it covers (only for {@link Scope#MEMBERS})
 */
record Rule(Glob owner, Scope scope, Glob member, Glob descriptor, Verdict verdict) {
    /** What part of the matching classes a rule covers. */
    enum Scope {
        /** The class itself and every member of it. */
        CLASS,
        /** Only the class itself: casts, class constants, arrays, supertypes, never a member. */
        TYPE,
        /** Only the members whose name and descriptor match. */
        MEMBERS
    }

    /** Whether this rule covers {@code target}. */
    boolean covers(Target target) {
        if (!owner.matches(target.owner())) {
            return false;
        }
        return switch (scope) {
            case CLASS -> true;
            case TYPE -> target.isType();
            case MEMBERS -> !target.isType() && member.matches(target.member())
                    && descriptor.matches(target.descriptor());
        };
    }
}
