package kvlab.harness.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The checked classes as far as inheritance goes: what each extends and implements, and which
 * members it declares.
 *
 * <p>Why: a call on a course class is allowed, but javac names the receiver's class as the owner, so
 * {@code myList.parallelStream()} on a checked {@code MyList extends ArrayList} names {@code MyList}.
 * The rules must judge such a member where it is inherited from, outside the checked classes.
 */
final class Hierarchy {
    private record Declared(String superName, List<String> interfaces, Set<String> members) {}

    private final Map<String, Declared> classes = new HashMap<>();

    /** Adds the declarations (not the code) of the class {@code reader} reads; add every class before judging. */
    void add(ClassReader reader) {
        Set<String> members = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                members.add(name + descriptor);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                members.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        classes.put(reader.getClassName(),
                new Declared(reader.getSuperName(), List.of(reader.getInterfaces()), Set.copyOf(members)));
    }

    /**
     * The owners under which to judge {@code target}: its own owner when that is not a checked class
     * (or when the target is a class, not a member); otherwise the unchecked ancestors the member can
     * be inherited from, none if a checked class on the way declares it.
     */
    List<String> ownersToJudge(Target target) {
        if (target.isType() || !classes.containsKey(target.owner())) {
            return List.of(target.owner());
        }
        List<String> outside = new ArrayList<>();
        collectInheritedFrom(target.owner(), target.member() + target.descriptor(), outside, new HashSet<>());
        return outside;
    }

    private void collectInheritedFrom(String className, String member, List<String> outside, Set<String> seen) {
        if (!seen.add(className)) {
            return;
        }
        Declared declared = classes.get(className);
        if (declared == null) {
            outside.add(className);
            return;
        }
        if (declared.members().contains(member)) {
            return;
        }
        if (declared.superName() != null) {
            collectInheritedFrom(declared.superName(), member, outside, seen);
        }
        for (String implemented : declared.interfaces()) {
            collectInheritedFrom(implemented, member, outside, seen);
        }
    }
}
