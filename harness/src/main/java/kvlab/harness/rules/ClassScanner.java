package kvlab.harness.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one class file and judges every reference in it: its superclass and interfaces, native
 * methods and finalizers it declares, and in its code every method call, field access, type
 * instruction, class constant, method handle and invokedynamic bootstrap.
 *
 * <p>Use once per class: {@code reader.accept(scanner, ClassReader.SKIP_FRAMES)}, then
 * {@link #violations()}. Line numbers come from the class file's LineNumberTable as the code is read.
 */
final class ClassScanner extends ClassVisitor {
    static final String FOREIGN_PACKAGE = "classes in the harness's or grader's packages could reach their package-private internals";
    static final String FINALIZER = "finalizers run on the JVM's finalizer thread, at times no seed fixes";
    static final String BOOTSTRAP = "only the invokedynamic bootstraps javac emits (lambdas, string concatenation,"
            + " records, switches) are allowed: others can link to any method";

    /** The bootstrap methods javac emits, as {@code owner.name}. */
    private static final Set<String> JAVAC_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch",
            "java/lang/runtime/SwitchBootstraps.enumSwitch");

    private record Finding(int line, String call, String rule) {}

    private final RuleBook rules;
    private final Hierarchy hierarchy;
    private final List<Finding> findings = new ArrayList<>();
    private String className = "";
    private String sourceFile;

    ClassScanner(RuleBook rules, Hierarchy hierarchy) {
        super(Opcodes.ASM9);
        this.rules = rules;
        this.hierarchy = hierarchy;
    }

    /** What the class broke, under its source file; call after the reader has finished. */
    List<CodeViolation> violations() {
        String sourcePath = sourcePath();
        return findings.stream()
                .map(finding -> new CodeViolation(sourcePath, finding.line(), finding.call(), finding.rule()))
                .toList();
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
        if (name.startsWith("kvlab/harness/") || name.startsWith("kvlab/grader/")) {
            String packageName = Names.qualified(name.substring(0, name.lastIndexOf('/')));
            findings.add(new Finding(0, "is declared in package " + packageName, FOREIGN_PACKAGE));
        }
        if (superName != null) {
            judge(0, Target.type(superName), "extends " + Names.simpleClass(superName));
        }
        String verb = (access & Opcodes.ACC_INTERFACE) != 0 ? "extends " : "implements ";
        for (String implemented : interfaces) {
            judge(0, Target.type(implemented), verb + Names.simpleClass(implemented));
        }
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        Target declared = new Target(className, name, descriptor);
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            findings.add(new Finding(0, "declares native method " + Names.method(declared), AllowList.NATIVE));
        }
        if (name.equals("finalize") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0) {
            findings.add(new Finding(0, "declares " + Names.method(declared), FINALIZER));
        }
        return new CodeScanner();
    }

    /** Judges {@code target} where it is decided, and records a finding at {@code line} if denied. */
    private void judge(int line, Target target, String call) {
        for (String owner : hierarchy.ownersToJudge(target)) {
            Target judged = arrayOwnerAsElement(target.withOwner(owner));
            if (judged == null) {
                continue;
            }
            if (rules.decide(judged) instanceof Verdict.Deny denial) {
                findings.add(new Finding(line, call, denial.reason()));
                return;
            }
        }
    }

    /**
     * Arrays are judged by their element class ({@code File[].clone()} as {@code File}); {@code null}
     * for primitive arrays, which are always allowed.
     */
    private static Target arrayOwnerAsElement(Target target) {
        if (!target.owner().startsWith("[")) {
            return target;
        }
        Type element = Type.getType(target.owner()).getElementType();
        return element.getSort() == Type.OBJECT ? Target.type(element.getInternalName()) : null;
    }

    private String sourcePath() {
        int slash = className.lastIndexOf('/');
        String packagePath = className.substring(0, slash + 1);
        if (sourceFile != null) {
            return packagePath + sourceFile;
        }
        // Compiled without a SourceFile attribute: javac's convention names the file after the outermost class.
        String simpleName = className.substring(slash + 1);
        int nested = simpleName.indexOf('$');
        return packagePath + (nested < 0 ? simpleName : simpleName.substring(0, nested)) + ".java";
    }

    /** Reads one method's code; every finding carries the line of the instruction that made it. */
    private final class CodeScanner extends MethodVisitor {
        private int line;

        CodeScanner() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            Target target = new Target(owner, name, descriptor);
            judge(line, target, "calls " + Names.method(target));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            Target target = new Target(owner, name, descriptor);
            boolean reads = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
            judge(line, target, (reads ? "reads " : "writes ") + Names.field(target));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            // NEW is always followed by a call of the constructor, which is judged (and named) instead.
            switch (opcode) {
                case Opcodes.ANEWARRAY -> judgeType(type, "creates a new " + Names.simpleClass(type) + "[]");
                case Opcodes.CHECKCAST -> judgeType(type, "casts to " + Names.simpleClass(type));
                case Opcodes.INSTANCEOF -> judgeType(type, "tests instanceof " + Names.simpleClass(type));
                default -> { }
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            judgeType(descriptor, "creates a new " + Names.simpleClass(descriptor));
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type type) {
                judgeConstant(type);
            } else if (value instanceof Handle handle) {
                judgeHandle(handle);
            } else if (value instanceof ConstantDynamic constant) {
                judgeBootstrap(constant.getBootstrapMethod());
                for (int i = 0; i < constant.getBootstrapMethodArgumentCount(); i++) {
                    judgeBootstrapArgument(constant.getBootstrapMethodArgument(i));
                }
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            judgeBootstrap(bootstrap);
            for (Object argument : arguments) {
                judgeBootstrapArgument(argument);
            }
        }

        /** Judges a class named by an internal name or an array descriptor (its element class). */
        private void judgeType(String type, String call) {
            judge(line, Target.type(type), call);
        }

        private void judgeConstant(Type type) {
            if (type.getSort() == Type.METHOD) {
                judge(line, Target.type("java/lang/invoke/MethodType"), "uses a method type constant");
            } else {
                judgeType(type.getInternalName(), "uses " + Names.simpleClass(type.getInternalName()) + ".class");
            }
        }

        private void judgeHandle(Handle handle) {
            Target target = new Target(handle.getOwner(), handle.getName(), handle.getDesc());
            String call = target.isMethod() ? "refers to " + Names.reference(target) : "refers to field " + Names.field(target);
            judge(line, target, call);
        }

        private void judgeBootstrap(Handle bootstrap) {
            if (!JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())) {
                findings.add(new Finding(line, "uses invokedynamic bootstrap "
                        + Names.simpleClass(bootstrap.getOwner()) + "." + bootstrap.getName(), BOOTSTRAP));
            }
        }

        /** A lambda's target method, a record's accessors, a switch's case classes: judged like any reference. */
        private void judgeBootstrapArgument(Object argument) {
            if (argument instanceof Handle handle) {
                judgeHandle(handle);
            } else if (argument instanceof Type type && type.getSort() != Type.METHOD) {
                judgeConstant(type);
            }
        }
    }
}
