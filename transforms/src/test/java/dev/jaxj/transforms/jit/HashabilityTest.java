package dev.jaxj.transforms.jit;

import dev.jaxj.array.Array;
import dev.jaxj.tree.Static;
import dev.jaxj.tree.Tree;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Static data must compare by value wherever it sits; anything compared by identity is found and named. */
class HashabilityTest {
    record Box(Object value) {}

    record Config(String name, double[] weights) {}

    record Layer(@Static double[] scale, Object w) {}

    record Hyper(@Static int features, @Static String name, Object w) {}

    enum Mode { FAST, EXACT }

    /** No equals of its own: compared by identity. */
    static final class Handle {}

    /** The containers static data is looked into, each wrapping a value one level deeper. */
    enum Wrapper {
        RECORD("component `value` of record Box") { Object wrap(Object x) { return new Box(x); } },
        JAVA_LIST("element 1 of List") { Object wrap(Object x) { return java.util.List.of("first", x); } },
        VAVR_VECTOR("element 0 of Vector") { Object wrap(Object x) { return Vector.of(x); } },
        VAVR_LIST("element 1 of List") { Object wrap(Object x) { return List.of(7, x); } },
        JAVA_MAP_VALUE("the value for key k of Map") { Object wrap(Object x) { return java.util.Map.of("k", x); } },
        JAVA_MAP_KEY("a key of Map") { Object wrap(Object x) { return java.util.Map.of(x, "v"); } },
        VAVR_MAP_VALUE("the value for key k of HashMap") { Object wrap(Object x) { return HashMap.of("k", x); } },
        OPTIONAL("the value of Optional") { Object wrap(Object x) { return Optional.of(x); } },
        VAVR_OPTION("element 0 of Option") { Object wrap(Object x) { return Option.some(x); } },
        TUPLE("element 1 of Tuple2") { Object wrap(Object x) { return Tuple.of(1, x); } };

        final String where;

        Wrapper(String where) { this.where = where; }

        abstract Object wrap(Object x);
    }

    /** Values compared by identity, with how the message names each. */
    enum Unfit {
        DOUBLE_ARRAY("a double[]") { Object value() { return new double[] {1, 2}; } },
        INT_ARRAY("an int[]") { Object value() { return new int[] {3}; } },
        OBJECT_ARRAY("a String[]") { Object value() { return new String[] {"a"}; } },
        JAXJ_ARRAY("an Array f32[] (compared by identity)") { Object value() { return Array.scalar(1.0); } },
        LAMBDA("a lambda") { Object value() { UnaryOperator<String> f = s -> s; return f; } },
        IDENTITY_CLASS("a Handle (compared by identity") { Object value() { return new Handle(); } };

        final String named;

        Unfit(String named) { this.named = named; }

        abstract Object value();
    }

    /** Values compared by what they hold. */
    enum Fit {
        STRING { Object value() { return "relu"; } },
        BOXED { Object value() { return 3; } },
        DECIMAL { Object value() { return new BigDecimal("0.1"); } },
        ENUM { Object value() { return Mode.EXACT; } },
        RECORD_OF_VALUES { Object value() { return new Box(Vector.of(1.5, 2.5)); } },
        NOTHING { Object value() { return Optional.empty(); } };

        abstract Object value();
    }

    @Property(tries = 300)
    void unfitValuesAreFoundAtAnyDepth(@ForAll Unfit unfit, @ForAll @Size(max = 4) java.util.List<Wrapper> wrappers) {
        Object value = unfit.value();
        StringBuilder where = new StringBuilder();
        for (Wrapper w : wrappers) {
            value = w.wrap(value);
            where.append(", in ").append(w.where);   // the message names the innermost container first
        }
        String problem = Hashability.problem(value).getOrElseThrow(() -> new AssertionError("missed " + unfit));
        assertTrue(problem.startsWith(unfit.named), problem);
        String expectedPath = where.isEmpty() ? "" : " at " + where.substring(", in ".length());
        assertTrue(problem.endsWith(expectedPath), "expected the path '" + expectedPath + "' in: " + problem);
    }

    @Property(tries = 300)
    void valuesComparedByContentAreFit(@ForAll Fit fit, @ForAll @Size(max = 4) java.util.List<Wrapper> wrappers) {
        Object value = fit.value();
        for (Wrapper w : wrappers) value = w.wrap(value);
        assertEquals(Option.none(), Hashability.problem(value));
    }

    @Test
    void shouldNameTheRecordComponentHoldingAnArray() {
        assertEquals(Option.some("a double[] at component `weights` of record Config"),
                Hashability.problem(new Config("c", new double[] {1})));
    }

    @Test
    void shouldEndOnCollectionsThatHoldThemselves() {
        var self = new java.util.ArrayList<Object>();
        self.add(self);
        self.add(1);
        assertEquals(Option.none(), Hashability.problem(self));
    }

    @Test
    void shouldLookIntoTheStaticComponentsOfAPytree() {
        var layer = new Layer(new double[] {2}, Array.scalar(1.0));
        assertEquals(Option.some("a double[] at @Static component `scale` of record Layer"),
                Hashability.problemInStructure(Tree.flatten(Vector.of(layer)).treeDef()));
        var hyper = new Hyper(3, "dense", Array.scalar(1.0));
        assertEquals(Option.none(), Hashability.problemInStructure(Tree.flatten(HashMap.of("h", hyper)).treeDef()));
    }
}
