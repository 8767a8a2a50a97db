/** The workloads of WORKLOADS.md, printing one result line each. */
module dev.jaxj.benchmarks {
    requires dev.jaxj.api;
    requires java.management;
}
