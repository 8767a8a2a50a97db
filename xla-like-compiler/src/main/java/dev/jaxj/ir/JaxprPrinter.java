package dev.jaxj.ir;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The canonical text form of a {@link Jaxpr}, in JAX's layout; variables are named a, b, …, z, ba, …. */
final class JaxprPrinter {
    private final Map<Var, String> names = new HashMap<>();

    private JaxprPrinter() {}

    static String print(Jaxpr j) {
        return new JaxprPrinter().jaxpr(j, "");
    }

    private String jaxpr(Jaxpr j, String indent) {
        var sb = new StringBuilder("{ lambda ");
        sb.append(j.constVars().map(this::binder).mkString(" ")).append(j.constVars().isEmpty() ? "; " : " ; ");
        sb.append(j.inVars().map(this::binder).mkString(" ")).append(". let\n");
        for (Eqn e : j.eqns()) {
            String outs = e.out().map(this::binder).mkString(" ");
            sb.append(indent).append("    ").append(outs).append(" = ").append(e.prim().name()).append(params(e.prim(), indent + "    "));
            for (Atom a : e.in()) sb.append(' ').append(atom(a));
            sb.append('\n');
        }
        return sb.append(indent).append("  in (").append(j.outs().map(this::atom).mkString(", ")).append(") }").toString();
    }

    private String binder(Var v) {
        return name(v) + ":" + v.aval();
    }

    private String atom(Atom a) {
        return switch (a) {
            case Var v -> name(v);
            case Lit l -> l.toString();
        };
    }

    private String name(Var v) {
        return names.computeIfAbsent(v, k -> letters(names.size()));
    }

    private static String letters(int n) {
        var sb = new StringBuilder();
        do {
            sb.insert(0, (char) ('a' + n % 26));
            n = n / 26;
        } while (n > 0);
        return sb.toString();
    }

    /** Params come from the record's components, so every primitive prints without extra code. */
    private String params(Primitive p, String indent) {
        RecordComponent[] comps = p.getClass().getRecordComponents();
        if (comps == null || comps.length == 0) return "";
        return java.util.Arrays.stream(comps)
                .map(c -> ShapeRules.snake(c.getName()) + "=" + value(read(c, p), indent))
                .collect(Collectors.joining(" ", "[", "]"));
    }

    private static Object read(RecordComponent c, Object rec) {
        try {
            return c.getAccessor().invoke(rec);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + rec.getClass().getSimpleName(), e);
        }
    }

    private String value(Object v, String indent) {
        return switch (v) {
            case Seq<?> s -> s.map(x -> value(x, indent)).mkString("(", ", ", s.size() == 1 ? ",)" : ")");
            case Option<?> o -> o.map(x -> value(x, indent)).getOrElse("None");
            case DType d -> d.numpyName();
            case Enum<?> e -> e.name();
            case Jaxpr j -> jaxpr(j, indent + "  ");
            case Record r -> r.getClass().getSimpleName() + java.util.Arrays.stream(r.getClass().getRecordComponents())
                    .map(c -> ShapeRules.snake(c.getName()) + "=" + value(read(c, r), indent)).collect(Collectors.joining(", ", "(", ")"));
            default -> String.valueOf(v);
        };
    }
}
