package dev.jaxj.accel.cpu.jvm;

/**
 * A fused loop compiled to a hidden class: evaluates rows {@code [rowLo, rowHi)} of its
 * {@link LoopLayout}, reading the storage arrays of the loop's inputs and writing those of
 * its outputs. Rows are independent, so worker threads may run disjoint ranges at once.
 */
public interface GeneratedLoop {
    void run(Object[] inputs, Object[] outputs, int rowLo, int rowHi);
}
