package dev.jaxj.accel.cuda;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernels a PTX module defines and the size in bytes of each kernel's parameters, read
 * from its {@code .entry} declarations. The driver cannot say how many parameters a kernel
 * takes, and a launch with too few reads garbage: launches are checked against this first.
 * {@snippet lang=text :
 * .visible .entry scale_ab12(
 *     .param .u64 .ptr .align 1 scale_ab12_param_0,   -> 8
 *     .param .u32 scale_ab12_param_1                  -> 4
 * )
 * }
 */
final class PtxEntries {
    private static final Pattern ENTRY = Pattern.compile("\\.entry\\s+([A-Za-z_$][\\w$]*)\\s*\\(([^)]*)\\)");
    /** A parameter: its type's width, and an element count for an array parameter (a struct passed by value). */
    private static final Pattern PARAM = Pattern.compile("\\.param\\s+(?:\\.align\\s+\\d+\\s+)?\\.[busf](\\d+)\\b[^,\\[]*?(?:\\[(\\d+)])?\\s*(?:,|$)");

    private PtxEntries() {}

    /** {@return each kernel's parameter sizes in bytes, in declaration order, by kernel name} */
    static Map<String, int[]> of(String ptx) {
        Map<String, int[]> out = new LinkedHashMap<>();
        Matcher e = ENTRY.matcher(ptx);
        while (e.find()) {
            Matcher p = PARAM.matcher(e.group(2).strip());
            var sizes = new java.util.ArrayList<Integer>();
            while (p.find()) {
                int bytes = Integer.parseInt(p.group(1)) / 8;
                sizes.add(p.group(2) == null ? bytes : bytes * Integer.parseInt(p.group(2)));
            }
            out.put(e.group(1), sizes.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
