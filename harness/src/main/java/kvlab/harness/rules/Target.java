package kvlab.harness.rules;

/**
 * What one reference in a class file points at: a class, or a member of one.
 *
 * <p>Names are as the class file spells them: {@code owner} is an internal name
 * ({@code java/lang/System}, or an array descriptor such as {@code [B} for members of arrays),
 * {@code member} a method or field name ({@code <init>} for constructors) and {@code descriptor} its
 * JVM descriptor. A reference to the class itself has an empty member and descriptor.
 */
record Target(String owner, String member, String descriptor) {
    /** A reference to the class {@code owner} itself (a cast, a class constant, a supertype). */
    static Target type(String owner) {
        return new Target(owner, "", "");
    }

    /** Whether this names the class itself rather than one of its members. */
    boolean isType() {
        return member.isEmpty();
    }

    /** Whether this names a method (its descriptor is a parameter list) rather than a field. */
    boolean isMethod() {
        return descriptor.startsWith("(");
    }

    /** The same member, as inherited from {@code ancestor}. */
    Target withOwner(String ancestor) {
        return new Target(ancestor, member, descriptor);
    }
}
