package kvlab.harness.rules;

import java.util.function.Consumer;

/**
 * The rules of each course module, as {@link RuleBook}s. Within each topic (the wall clock,
 * randomness, threads, the JVM, files) the member-level denials inside allowed classes come first,
 * then the allowed classes, then the denied categories with their reasons; the order of the topics
 * is in {@link #book}. Anything no rule names is denied too, so a class missing here is a violation,
 * not a loophole.
 *
 * <p>Owners are internal names ({@code java/lang/System}); see {@link Glob} for {@code *} and
 * {@code **}. Where javac's own output needs something the categories would deny, the rule says so.
 */
final class AllowList {
    static final String GRADER = "the grader's machinery is off limits to student code";
    static final String PROCESSES = "student code never starts, inspects or ends processes (the JVM included)";
    static final String ENVIRONMENT =
            "student code never reads or changes system properties or the environment: the grader's settings live there";
    static final String STREAMS = "student code prints with System.out and System.err, and never replaces or reads the standard streams";
    static final String REFLECTION = "reflection could reach the grader's internals";
    static final String CLASS_LOADING = "loading classes or resources by name could reach the grader's internals or hidden tests";
    static final String NATIVE = "native code escapes every rule";
    static final String INTERNALS = "JDK internals bypass the checks every other class obeys";
    static final String IDENTITY_HASH = "System.identityHashCode differs from run to run: a run must repeat exactly";
    static final String GARBAGE_COLLECTOR = "code must not depend on when the garbage collector runs";
    static final String MONITORING = "management and instrumentation could watch or rewrite the grader's classes";
    static final String STACK_WALKING = "code must not look at who calls it (to behave differently under the grader)";
    static final String LOGGING = "logging and preferences write files and global settings: print with System.out instead";
    static final String JVM_DEFAULTS = "changing the JVM's default locale or time zone changes the grader's output too";
    static final String DIRECT_MEMORY = "direct buffers live outside the Java heap and its limit";
    static final String SECURITY = "java.security reaches keys, permissions and unseeded randomness, none of which student code needs";
    static final String JAVAX = "javax holds compilers, script engines, management and network APIs, none of which student code needs";
    static final String OTHER_JDK =
            "outside the JDK that student code may use (java.lang basics, java.util, java.time, java.math, java.nio buffers)";

    private AllowList() {}

    /** Project 1: the shared rules plus what a RocksDB-backed column-family store needs. */
    static RuleBook standaloneStorage() {
        return book("project1-standalone", Wording.STORAGE, AllowList::rocksDbStorage);
    }

    /**
     * Projects 2 to 4, whose code runs under simulation: the shared rules and no RocksDB (their data
     * lives in the provided in-memory engine, {@code kvlab.harness.engine.memory.MemoryEngine}).
     */
    static RuleBook simulated(String module, Wording wording) {
        return book(module, wording, rules -> rules.deny(wording.files(), "org/rocksdb/**"));
    }

    /**
     * The rules in the order they are tried: the monitor methods of every class (even course
     * classes), course code, the module's own rules, then the JDK.
     */
    private static RuleBook book(String module, Wording wording, Consumer<RuleBook.Builder> moduleRules) {
        RuleBook.Builder rules = RuleBook.builder("not on the allow-list of " + module);
        monitors(rules, wording);
        courseCode(rules);
        moduleRules.accept(rules);
        wallClock(rules, wording);
        randomness(rules, wording);
        threads(rules, wording);
        jvm(rules);
        fileHandles(rules, wording);
        allowedJdk(rules);
        deniedJdk(rules, wording);
        return rules.build();
    }

    /**
     * What {@code StandaloneStorage} and {@code StandaloneReader} need: the RocksDB classes of a
     * column-family store, and its data directory. Nothing that reads or writes file contents,
     * deletes, or puts RocksDB's files (logs, WAL, data paths, backups, checkpoints, SST files)
     * anywhere but the data directory.
     */
    private static void rocksDbStorage(RuleBook.Builder rules) {
        String elsewhere = "storage code keeps every RocksDB file in its data directory";
        rules.denyMembers("storage code never deletes a database: the tests own the data directory",
                "org/rocksdb/RocksDB", "destroyDB");
        rules.denyMembers(elsewhere, "org/rocksdb/*",
                "setDbLogDir", "setWalDir", "setDbPaths", "setCfPaths", "ingestExternalFile", "startTrace",
                "startBlockCacheTrace", "setEnv", "setSstFileManager");
        rules.allow("org/rocksdb/RocksDB", "org/rocksdb/RocksDBException", "org/rocksdb/Options",
                "org/rocksdb/DBOptions", "org/rocksdb/ColumnFamilyOptions", "org/rocksdb/ColumnFamilyDescriptor",
                "org/rocksdb/ColumnFamilyHandle", "org/rocksdb/WriteOptions", "org/rocksdb/ReadOptions",
                "org/rocksdb/FlushOptions", "org/rocksdb/CompactRangeOptions", "org/rocksdb/WriteBatch",
                "org/rocksdb/WriteBatchWithIndex", "org/rocksdb/WBWIRocksIterator",
                "org/rocksdb/RocksIterator", "org/rocksdb/AbstractRocksIterator", "org/rocksdb/RocksIteratorInterface",
                "org/rocksdb/Snapshot", "org/rocksdb/Slice", "org/rocksdb/AbstractSlice", "org/rocksdb/Status",
                "org/rocksdb/Status$*", "org/rocksdb/CompressionType", "org/rocksdb/InfoLogLevel",
                "org/rocksdb/BuiltinComparator", "org/rocksdb/AbstractNativeReference",
                "org/rocksdb/AbstractImmutableNativeReference", "org/rocksdb/RocksObject",
                "org/rocksdb/RocksMutableObject", "org/rocksdb/AbstractWriteBatch", "org/rocksdb/WriteBatchInterface");
        rules.deny("project 1 uses only the RocksDB classes a column-family store needs"
                + " (no backups, checkpoints, SST files, Env, loggers or callbacks)", "org/rocksdb/**");
        rules.allow("java/nio/file/Path");
        rules.allowMembers("java/nio/file/Files", "createDirectories");
        // Files.createDirectories(dir) is varargs: javac passes it an empty FileAttribute[].
        rules.allowType("java/nio/file/attribute/FileAttribute");
    }

    private static void courseCode(RuleBook.Builder rules) {
        rules.deny(GRADER, "kvlab/grader/**", "kvlab/harness/grading/**", "kvlab/harness/rules/**",
                "kvlab/harness/junit/**");
        // The rest of the course is provided code to use: the simulation kernel, and the storage engine
        // contract and in-memory engine (kvlab/harness/engine) that every project stores its data behind.
        rules.allow("kvlab/**");
    }

    private static void wallClock(RuleBook.Builder rules, Wording wording) {
        String clock = wording.wallClock();
        rules.denyMembers(clock, "java/lang/System", "currentTimeMillis", "nanoTime");
        rules.denyMembers(clock, "java/time/**", "now", "dateNow");
        rules.deny(clock, "java/time/Clock", "java/time/Clock$*", "java/time/InstantSource");
        rules.denyMember(clock, "java/util/Date", "<init>", "()V");
        rules.denyMembers(clock, "java/util/Calendar", "getInstance");
        // These GregorianCalendar constructors start from the current time.
        for (String descriptor : new String[] {
                "()V", "(Ljava/util/TimeZone;)V", "(Ljava/util/Locale;)V", "(Ljava/util/TimeZone;Ljava/util/Locale;)V"}) {
            rules.denyMember(clock, "java/util/GregorianCalendar", "<init>", descriptor);
        }
        rules.denyMembers(clock, "java/lang/Thread", "sleep");
        rules.denyMembers(clock, "java/util/concurrent/TimeUnit", "sleep");
    }

    private static void randomness(RuleBook.Builder rules, Wording wording) {
        String random = wording.randomness();
        rules.denyMember(random, "java/util/Random", "<init>", "()V");
        rules.denyMember(random, "java/util/SplittableRandom", "<init>", "()V");
        rules.denyMember(random, "java/util/Collections", "shuffle", "(Ljava/util/List;)V");
        rules.denyMembers(random, "java/util/UUID", "randomUUID");
        rules.denyMembers(random, "java/lang/Math", "random");
        rules.denyMembers(random, "java/lang/StrictMath", "random");
        // RandomGenerator.of(name) and getDefault() make generators with unseeded state.
        rules.denyMembers(random, "java/util/random/*", "of", "getDefault");
        rules.deny(random, "java/util/random/RandomGeneratorFactory", "java/util/concurrent/ThreadLocalRandom",
                "java/security/SecureRandom");
    }

    private static void monitors(RuleBook.Builder rules, Wording wording) {
        // Final in Object, so a call of these on any owner, a course class too, is Object's wait or notify.
        for (String descriptor : new String[] {"()V", "(J)V", "(JI)V"}) {
            rules.denyMember(wording.threads(), "**", "wait", descriptor);
        }
        rules.denyMember(wording.threads(), "**", "notify", "()V");
        rules.denyMember(wording.threads(), "**", "notifyAll", "()V");
    }

    private static void threads(RuleBook.Builder rules, Wording wording) {
        String threads = wording.threads();
        rules.denyMembers(threads, "java/util/stream/*", "parallel");
        rules.denyMembers(threads, "java/util/**", "parallelStream");
        rules.denyMembers(threads, "java/util/Arrays", "parallel*");
        // ConcurrentHashMap's bulk operations take a parallelism threshold and then run in the common pool.
        rules.denyMember(threads, "java/util/concurrent/ConcurrentHashMap", "*", "(J*");
        rules.denyMembers(threads, "java/util/concurrent/TimeUnit", "timedJoin", "timedWait");
        // StreamSupport.stream(spliterator, parallel) can make a parallel stream from a flag.
        rules.deny(threads, "java/util/stream/StreamSupport", "java/util/Timer", "java/util/TimerTask",
                "java/lang/ref/Cleaner", "java/lang/ref/Cleaner$*", "java/lang/Thread", "java/lang/Thread$*",
                "java/lang/ThreadGroup", "java/lang/ThreadLocal", "java/lang/InheritableThreadLocal");
        // Finalizers are denied where classes are read (ClassScanner): they run on the finalizer thread.
    }

    private static void jvm(RuleBook.Builder rules) {
        rules.allowMembers("java/lang/System", "arraycopy", "lineSeparator", "out", "err");
        rules.denyMembers(PROCESSES, "java/lang/System", "exit");
        rules.denyMembers(ENVIRONMENT, "java/lang/System",
                "getenv", "getProperty", "getProperties", "setProperty", "setProperties", "clearProperty");
        rules.denyMembers(STREAMS, "java/lang/System", "setOut", "setErr", "setIn", "in", "console", "inheritedChannel");
        rules.denyMembers(NATIVE, "java/lang/System", "load", "loadLibrary", "mapLibraryName");
        rules.denyMembers(IDENTITY_HASH, "java/lang/System", "identityHashCode");
        rules.denyMembers(GARBAGE_COLLECTOR, "java/lang/System", "gc", "runFinalization");
        rules.deny(LOGGING, "java/lang/System$Logger*", "java/lang/System$LoggerFinder");
        rules.deny("System gives access to the JVM itself: only System.arraycopy, lineSeparator, out and err are allowed",
                "java/lang/System");
        // Integer.getInteger(name) and friends read system properties.
        rules.denyMembers(ENVIRONMENT, "java/lang/Integer", "getInteger");
        rules.denyMembers(ENVIRONMENT, "java/lang/Long", "getLong");
        rules.denyMembers(ENVIRONMENT, "java/lang/Boolean", "getBoolean");
        rules.deny(PROCESSES, "java/lang/Runtime", "java/lang/Runtime$*", "java/lang/Process*");
        rules.denyMembers(JVM_DEFAULTS, "java/util/Locale", "setDefault");
        rules.denyMembers(JVM_DEFAULTS, "java/util/TimeZone", "setDefault");
        // Class only for the questions javac's output and harmless code ask (assertions, enums, casts, names).
        rules.allowType("java/lang/Class");
        rules.allowMembers("java/lang/Class", "getName", "getSimpleName", "getTypeName", "getCanonicalName",
                "getPackageName", "isInstance", "cast", "desiredAssertionStatus", "getComponentType", "componentType",
                "isArray", "isEnum", "isRecord", "isInterface", "isPrimitive", "isAssignableFrom", "getEnumConstants",
                "toString", "hashCode", "equals");
        rules.deny(REFLECTION, "java/lang/Class", "java/lang/reflect/**", "java/lang/invoke/**", "java/lang/Module",
                "java/lang/ModuleLayer*", "java/lang/Package", "java/lang/constant/**", "java/lang/runtime/**",
                "java/io/ObjectInputStream*", "java/io/ObjectOutputStream*", "java/io/ObjectStreamClass");
        rules.deny(CLASS_LOADING, "java/lang/ClassLoader", "java/lang/ClassValue", "java/util/ServiceLoader*",
                "java/util/ResourceBundle*", "java/util/ListResourceBundle", "java/util/PropertyResourceBundle");
        rules.deny(STACK_WALKING, "java/lang/StackWalker*");
        rules.deny(INTERNALS, "java/lang/SecurityManager", "sun/**", "jdk/**", "com/sun/**");
        rules.deny(MONITORING, "java/lang/management/**", "java/lang/instrument/**");
        rules.deny(GARBAGE_COLLECTOR, "java/lang/ref/**", "java/util/WeakHashMap");
    }

    private static void fileHandles(RuleBook.Builder rules, Wording wording) {
        String files = wording.files();
        // Printing is harmless; these constructors open a file by name or File.
        for (String printer : new String[] {"java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter"}) {
            rules.denyMember(files, printer, "<init>", "(Ljava/lang/String;*");
            rules.denyMember(files, printer, "<init>", "(Ljava/io/File;*");
        }
        rules.denyMember(files, "java/util/Scanner", "<init>", "(Ljava/io/File;*");
        rules.denyMember(files, "java/util/Scanner", "<init>", "(Ljava/nio/file/Path;*");
        rules.denyMembers(DIRECT_MEMORY, "java/nio/*", "allocateDirect");
    }

    private static void allowedJdk(RuleBook.Builder rules) {
        rules.allow("java/lang/Object", "java/lang/String", "java/lang/StringBuilder", "java/lang/StringBuffer",
                "java/lang/CharSequence", "java/lang/Boolean", "java/lang/Byte", "java/lang/Short",
                "java/lang/Character", "java/lang/Character$*", "java/lang/Integer", "java/lang/Long",
                "java/lang/Float", "java/lang/Double", "java/lang/Number", "java/lang/Void", "java/lang/Math",
                "java/lang/StrictMath", "java/lang/Enum", "java/lang/Enum$*", "java/lang/Record", "java/lang/Iterable",
                "java/lang/Comparable", "java/lang/AutoCloseable", "java/lang/Runnable", "java/lang/Cloneable",
                "java/lang/Appendable", "java/lang/Throwable", "java/lang/StackTraceElement",
                // Every annotation type implements Annotation.
                "java/lang/annotation/*",
                // Every exception and error: javac's output throws some (IncompatibleClassChangeError for
                // an enum switch, NoSuchFieldError in switch maps, AssertionError for assert).
                "java/lang/*Exception", "java/lang/*Error");
        rules.allow("java/util/*", "java/util/function/*", "java/util/stream/*", "java/util/regex/*",
                "java/util/random/*", "java/math/*");
        // Pure checksums; the provided disk formats (RaftDisk here, the harness's BatchLog) use CRC32.
        rules.allow("java/util/zip/CRC32", "java/util/zip/CRC32C", "java/util/zip/Adler32", "java/util/zip/Checksum");
        rules.allow("java/util/concurrent/atomic/*", "java/util/concurrent/ConcurrentHashMap",
                "java/util/concurrent/ConcurrentHashMap$*", "java/util/concurrent/ConcurrentMap",
                "java/util/concurrent/ConcurrentNavigableMap", "java/util/concurrent/ConcurrentSkipListMap",
                "java/util/concurrent/ConcurrentSkipListMap$*", "java/util/concurrent/ConcurrentSkipListSet",
                "java/util/concurrent/ConcurrentLinkedQueue", "java/util/concurrent/ConcurrentLinkedDeque",
                "java/util/concurrent/CopyOnWriteArrayList", "java/util/concurrent/CopyOnWriteArraySet",
                "java/util/concurrent/TimeUnit");
        rules.allow("java/nio/Buffer", "java/nio/ByteBuffer", "java/nio/ByteOrder", "java/nio/CharBuffer",
                "java/nio/ShortBuffer", "java/nio/IntBuffer", "java/nio/LongBuffer", "java/nio/FloatBuffer",
                "java/nio/DoubleBuffer", "java/nio/*Exception", "java/nio/charset/*");
        rules.deny("changing the JVM's time-zone rules affects the grader too", "java/time/zone/ZoneRulesProvider");
        rules.allow("java/time/**");
        rules.allow("java/io/IOException", "java/io/UncheckedIOException", "java/io/EOFException",
                "java/io/UTFDataFormatException", "java/io/Serializable", "java/io/Closeable", "java/io/Flushable",
                "java/io/ByteArrayInputStream", "java/io/ByteArrayOutputStream", "java/io/DataInput",
                "java/io/DataOutput", "java/io/DataInputStream", "java/io/DataOutputStream", "java/io/InputStream",
                "java/io/OutputStream", "java/io/StringWriter", "java/io/StringReader", "java/io/Writer",
                "java/io/Reader", "java/io/PrintStream", "java/io/PrintWriter");
    }

    private static void deniedJdk(RuleBook.Builder rules, Wording wording) {
        rules.deny(wording.threads(), "java/util/concurrent/**");
        rules.deny(wording.files(), "java/io/**", "java/nio/file/**", "java/nio/channels/**");
        rules.deny(wording.network(), "java/net/**", "javax/net/**");
        rules.deny(LOGGING, "java/util/logging/**", "java/util/prefs/**");
        rules.deny(SECURITY, "java/security/**", "javax/security/**", "javax/crypto/**");
        rules.deny(JAVAX, "javax/**");
        rules.deny(OTHER_JDK, "java/**");
    }
}
