package dev.jaxj.coverage;

import io.vavr.control.Option;
import io.vavr.control.Try;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.function.Predicate;

/** The right-hand side of one line of a coverage map: where jaxj has a JAX name, or why not. */
sealed interface Target {

    /** jaxj has no equivalent: not yet, or (with a reason) by design. */
    record Absent(Option<String> reason) implements Target {}

    /** {@code pkg.Class#member}: a public static method or field. */
    record StaticMember(String type, String member) implements Target {}

    /** {@code pkg.Class::method}: a public instance method. */
    record InstanceMethod(String type, String method) implements Target {}

    /** {@code pkg.Class}: a public type. */
    record Type(String type) implements Target {}

    /**
     * Parses {@code java} and the optional reason after {@code |}; a reason is only allowed for
     * {@code -}, since a name jaxj has needs no excuse.
     */
    static Target parse(String java, Option<String> reason) {
        if (java.equals("-")) return new Absent(reason);
        if (reason.isDefined()) throw new IllegalArgumentException("a reason is only for '-', got '" + java + "'");
        if (java.contains("::")) {
            String[] p = java.split("::", -1);
            return new InstanceMethod(identifier(p[0]), identifier(p[1]));
        }
        if (java.contains("#")) {
            String[] p = java.split("#", -1);
            return new StaticMember(identifier(p[0]), identifier(p[1]));
        }
        return new Type(identifier(java));
    }

    private static String identifier(String s) {
        if (!s.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) throw new IllegalArgumentException("not a Java name: '" + s + "'");
        return s;
    }

    default boolean claimed() { return !(this instanceof Absent); }

    /** {@return why the claim is false}, or none when the Java side exists as written */
    default Option<String> problem() {
        return switch (this) {
            case Absent a -> Option.none();
            case Type t -> publicClass(t.type()).isEmpty() ? Option.some("no public type " + t.type()) : Option.none();
            case StaticMember s -> member(s.type(), s.member(), true);
            case InstanceMethod i -> member(i.type(), i.method(), false);
        };
    }

    private static Option<String> member(String type, String name, boolean isStatic) {
        Option<Class<?>> c = publicClass(type);
        if (c.isEmpty()) return Option.some("no public type " + type);
        Predicate<Method> method = m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic;
        Predicate<Field> field = f -> isStatic && f.getName().equals(name) && Modifier.isStatic(f.getModifiers());
        boolean found = Arrays.stream(c.get().getMethods()).anyMatch(method) || Arrays.stream(c.get().getFields()).anyMatch(field);
        return found ? Option.none()
                : Option.some("no public " + (isStatic ? "static member " : "instance method ") + name + " in " + type);
    }

    /** Resolves {@code pkg.Outer.Inner} too, by trying the binary names from the right. */
    private static Option<Class<?>> publicClass(String name) {
        String binary = name;
        while (true) {
            String candidate = binary;
            Option<Class<?>> c = Try.<Class<?>>of(() -> Class.forName(candidate, false, Target.class.getClassLoader())).toOption();
            if (c.isDefined()) return c.filter(k -> Modifier.isPublic(k.getModifiers()));
            int dot = binary.lastIndexOf('.');
            if (dot < 0) return Option.none();
            binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
        }
    }
}
