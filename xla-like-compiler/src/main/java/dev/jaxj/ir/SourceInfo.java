package dev.jaxj.ir;

import java.util.Optional;

/**
 * The user's source line that created an equation or raised an error.
 *
 * <p>Captured with a {@link StackWalker} that skips the library's own frames, so that a
 * message points at {@code MyModel.apply(MyModel.java:42)} rather than at jaxj internals.
 *
 * @param className  the declaring class of the user frame
 * @param methodName the method
 * @param fileName   the source file, or {@code "Unknown Source"}
 * @param line       the line number, or -1 when unknown
 */
public record SourceInfo(String className, String methodName, String fileName, int line) {
    /** No user frame was found. */
    public static final SourceInfo UNKNOWN = new SourceInfo("?", "?", "Unknown Source", -1);

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /**
     * Whether a class is library code, decided once per class: every traced equation walks
     * the stack, tens of frames deep under nested transforms, and testing each frame's name
     * there cost about 25 ms of a first model's first training step.
     */
    private static final ClassValue<Boolean> LIBRARY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) { return isLibraryFrame(type.getName()); }
    };

    /** {@return the innermost frame on the current stack that is not library code} */
    public static SourceInfo capture() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(s -> s.filter(f -> !LIBRARY.get(f.getDeclaringClass())).findFirst());
        return frame.map(f -> new SourceInfo(f.getClassName(), f.getMethodName(),
                        f.getFileName() == null ? "Unknown Source" : f.getFileName(), f.getLineNumber()))
                .orElse(UNKNOWN);
    }

    /**
     * {@return the name of the library call the user made, in JAX's snake_case} (the library frame
     * just outside the user's innermost frame: {@code zeros} for {@code Jnp.zeros(-1)}), or
     * {@code fallback} when the stack holds no such frame. Errors raised deep inside a shared
     * mechanism (a shape's validation, a buffer's allocation) name the operation the user asked
     * for this way; the method of a function object ({@code apply}) gives way to its class.
     */
    public static String entryOp(String fallback) {
        Optional<StackWalker.StackFrame> entry = WALKER.walk(s -> {
            StackWalker.StackFrame last = null;
            for (var it = s.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame f = it.next();
                if (!LIBRARY.get(f.getDeclaringClass())) return Optional.ofNullable(last);
                if (f.getClassName().startsWith("dev.jaxj.")) last = f;
            }
            return Optional.<StackWalker.StackFrame>empty();
        });
        return entry.map(SourceInfo::opName).orElse(fallback);
    }

    /**
     * Methods through which a function object is called, and factories named {@code of}: the
     * class names the operation ({@code Shape.of(-1)} is {@code shape}).
     */
    private static final java.util.Set<String> CLASS_NAMED_METHODS = java.util.Set.of("apply", "call", "get", "run", "accept", "of");

    private static String opName(StackWalker.StackFrame f) {
        String method = f.getMethodName();
        // A lambda's synthetic name carries its enclosing method: lambda$jit$3 is part of jit.
        if (method.startsWith("lambda$") && method.indexOf('$', 7) > 7) method = method.substring(7, method.indexOf('$', 7));
        if (!CLASS_NAMED_METHODS.contains(method) && !method.startsWith("lambda$") && !method.startsWith("<")) return ShapeRules.snake(method);
        String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
        int nested = cls.indexOf('$');
        return ShapeRules.snake(nested >= 0 ? cls.substring(0, nested) : cls);
    }

    /**
     * Library frames are those of {@code dev.jaxj} classes other than examples, tests and
     * benchmarks, which are user code for the purpose of error messages; JDK and Vavr frames
     * are also skipped, since a user line never lives there.
     */
    static boolean isLibraryFrame(String className) {
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("io.vavr.")
                || className.startsWith("sun.")) return true;
        if (!className.startsWith("dev.jaxj.")) return false;
        if (className.startsWith("dev.jaxj.examples.") || className.startsWith("dev.jaxj.benchmarks.")) return false;
        String top = className.substring(className.lastIndexOf('.') + 1);
        int nested = top.indexOf('$');
        if (nested >= 0) top = top.substring(0, nested);
        return !(top.endsWith("Test") || top.endsWith("Tests") || top.endsWith("Properties"));
    }

    @Override
    public String toString() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return "at " + simple + "." + methodName + "(" + fileName + (line >= 0 ? ":" + line : "") + ")";
    }
}
