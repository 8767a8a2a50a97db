/** Runnable programs a newcomer reads first. */
module dev.jaxj.examples {
    requires dev.jaxj.api;
    exports dev.jaxj.examples;
}
