package dev.jaxj.accel.device;

/**
 * One argument of a kernel launch, in the order of the kernel's parameters: a buffer of the
 * step (an operand, a result, or a temporary of the step) or a scalar passed by value.
 */
public sealed interface KernelArg {
    /** The buffer of the step's operand {@code index}. */
    record In(int index) implements KernelArg {}

    /** The buffer of the step's result {@code index}. */
    record Out(int index) implements KernelArg {}

    /** Temporary buffer {@code index} of the step ({@link DeviceCall#tempBytes()}), alive across the step's launches. */
    record Temp(int index) implements KernelArg {}

    record I32(int value) implements KernelArg {}

    record I64(long value) implements KernelArg {}

    record F32(float value) implements KernelArg {}

    record F64(double value) implements KernelArg {}
}
