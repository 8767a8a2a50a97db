package dev.jaxj.accel.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One kernel function's source (without the dialect's prelude). A program is built from the
 * sources of all its steps at once, so names must not collide: equal names mean equal code.
 *
 * @param name the kernel's C name
 * @param code the kernel's definition, using {@link Dialect}'s macros
 * @param usesF64 whether the code computes in or stores {@code double} (OpenCL needs {@code cl_khr_fp64})
 */
public record KernelSource(String name, String code, boolean usesF64) {
    public KernelSource {
        requireNonNull(name, "name is null");
        requireNonNull(code, "code is null");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a C identifier: " + name);
    }

    /**
     * {@return a kernel named {@code prefix} and a hash of its code}, so that kernels of
     * different code never share a name and equal kernels deduplicate.
     * {@snippet :
     * KernelSource k = KernelSource.named("scale_f32", name -> "KERNEL void " + name + "(...) {...}", false);
     * }
     */
    public static KernelSource named(String prefix, Function<String, String> code, boolean usesF64) {
        String draft = code.apply("KERNEL_NAME");
        String name = prefix + "_" + hash(draft);
        return new KernelSource(name, code.apply(name), usesF64);
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
