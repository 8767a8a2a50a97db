package dev.jaxj.coverage;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * How much of JAX's public surface jaxj has, against checked-in lists of JAX's names
 * ({@code src/test/resources/dev/jaxj/coverage}). A name mapped to Java must exist there as
 * written, and the counts may only grow.
 */
class CoverageTest {

    /**
     * Per namespace: the size of the checked-in list, the fewest claimed names we accept (raise it
     * when you claim more, so that a later change cannot lose them silently), and the issue's target.
     */
    record Floor(int listed, int claimedAtLeast, String target) {}

    static final Map<String, Floor> FLOORS = LinkedHashMap.of(
            "jax.numpy", new Floor(390, 375, ">= 351 (90 %)"),
            "jax.numpy.linalg", new Floor(31, 31, "all"),
            "jax.numpy.fft", new Floor(18, 18, "all"),
            "jax.nn", new Floor(35, 35, "all"),
            "jax.scipy.special", new Floor(53, 50, ">= 40"),
            "jax.lax", new Floor(159, 156, "-"));

    static Seq<String> namespaces() { return FLOORS.keySet().toVector(); }

    @ParameterizedTest
    @MethodSource("namespaces")
    void everyClaimedNameShouldExistInJava(String namespace) {
        NameMap map = NameMap.load(namespace);
        Seq<String> problems = map.entries().flatMap(e -> e.target().problem()
                .map(p -> "map/" + namespace + ".txt:" + e.line() + ": " + namespace + "." + e.jaxName() + ": " + p));
        if (!problems.isEmpty()) fail(problems.size() + " claimed names are missing in Java:\n  " + problems.mkString("\n  "));
    }

    @Test
    void coverageShouldNotDrop() {
        Seq<NameMap> maps = namespaces().map(NameMap::load);
        System.out.println(table(maps));
        for (NameMap m : maps) {
            Floor floor = FLOORS.get(m.namespace()).get();
            assertEquals(floor.listed(), m.names().size(),
                    () -> m.namespace() + ": the list changed size; when it is regenerated, update Floor.listed");
            assertTrue(m.claimed() >= floor.claimedAtLeast(),
                    () -> m.namespace() + ": " + m.claimed() + " names claimed, fewer than the floor " + floor.claimedAtLeast());
        }
    }

    private static String table(Seq<NameMap> maps) {
        StringBuilder s = new StringBuilder("JAX names in jaxj (claimed: jaxj has it; left out: by design, with a reason)\n");
        s.append(String.format("%-18s %7s / %-5s %9s %8s  %s%n", "namespace", "claimed", "total", "left out", "missing", "target"));
        for (NameMap m : maps) {
            s.append(String.format("%-18s %7d / %-5d %9d %8d  %s%n", m.namespace(), m.claimed(), m.names().size(),
                    m.leftOutByDesign(), m.missing(), FLOORS.get(m.namespace()).get().target()));
        }
        return s.toString();
    }

    // The checker itself: a false claim must be caught, or the test above could not fail.

    @Test
    void aClaimOfAMissingMemberShouldBeReported() {
        assertTrue(problem("dev.jaxj.Jnp#noSuchFunction").isDefined());
        assertTrue(problem("dev.jaxj.NoSuchClass#zeros").isDefined());
        assertTrue(problem("dev.jaxj.Jnp#ZerosLike").isDefined(), "names are case-sensitive");
        assertTrue(problem("dev.jaxj.Jnp::zeros").isDefined(), "a static method is not an instance method");
        assertTrue(problem("dev.jaxj.array.Array#ndim").isDefined(), "an instance method is not a static member");
    }

    @Test
    void aClaimOfAnExistingMemberShouldPass() {
        assertTrue(problem("dev.jaxj.Jnp#zerosLike").isEmpty());
        assertTrue(problem("dev.jaxj.ir.DType#F32").isEmpty(), "enum constants are static fields");
        assertTrue(problem("dev.jaxj.array.Array::ndim").isEmpty());
        assertTrue(problem("dev.jaxj.array.Array").isEmpty());
        assertTrue(problem("dev.jaxj.nn.Dense.Params").isEmpty(), "nested types resolve by their source name");
    }

    @Test
    void malformedTargetsShouldBeRejected() {
        assertThrows(IllegalArgumentException.class, () -> Target.parse("dev.jaxj.Jnp#zeros", Option.some("a reason")));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("dev.jaxj.Jnp#", Option.none()));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("Jnp.zeros()", Option.none()));
    }

    private static Option<String> problem(String java) { return Target.parse(java, Option.none()).problem(); }
}
