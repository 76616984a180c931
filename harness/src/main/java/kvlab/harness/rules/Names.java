package kvlab.harness.rules;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/** How violations name classes and members: as a student writes them in Java, not as the JVM does. */
final class Names {
    private Names() {}

    /** {@code java/util/Map$Entry} as {@code Map.Entry}, {@code [B} as {@code byte[]}. */
    static String simpleClass(String internalName) {
        return simple(internalName.startsWith("[") ? Type.getType(internalName) : Type.getObjectType(internalName));
    }

    private static String simple(Type type) {
        String className = type.getClassName();
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** {@code java/lang/Thread} as {@code java.lang.Thread}, for a class's package line. */
    static String qualified(String internalName) {
        return internalName.replace('/', '.');
    }

    /** A method as a call reads: {@code System.currentTimeMillis()}, {@code new Random()}, {@code Thread.sleep(long)}. */
    static String method(Target target) {
        String parameters = Arrays.stream(Type.getArgumentTypes(target.descriptor()))
                .map(Names::simple)
                .collect(Collectors.joining(", ", "(", ")"));
        return target.member().equals("<init>")
                ? "new " + simpleClass(target.owner()) + parameters
                : simpleClass(target.owner()) + "." + target.member() + parameters;
    }

    /** A field as code reads it: {@code System.in}. */
    static String field(Target target) {
        return simpleClass(target.owner()) + "." + target.member();
    }

    /** A member named by a method reference: {@code System::currentTimeMillis}, {@code Thread::new}. */
    static String reference(Target target) {
        String member = target.member().equals("<init>") ? "new" : target.member();
        return simpleClass(target.owner()) + "::" + member;
    }
}
