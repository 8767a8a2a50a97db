/**
 * Property-testing support for jaxj users: jqwik arbitraries for shapes, dtypes, arrays and
 * pytrees, value domains, and gradient-check assertions.
 */
module dev.jaxj.testing {
    requires transitive dev.jaxj.api;
    requires transitive net.jqwik.api;
    exports dev.jaxj.testing;
}
