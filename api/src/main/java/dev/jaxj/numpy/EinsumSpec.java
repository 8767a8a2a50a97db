package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Vector;

/**
 * A parsed einsum subscript string. Labels are ints: a letter is its char code, and the axes an
 * ellipsis covers get the negative labels {@code -E..-1} (right-aligned, so operands broadcast
 * like NumPy's trailing axes).
 * {@snippet lang=text :
 * subscripts ::= term ("," term)* ("->" term)?
 * term       ::= letter* ("..." letter*)?        letter ::= [A-Za-z]
 * }
 * Without {@code ->} the output is the ellipsis axes followed by the letters that occur exactly
 * once, in char-code order (so {@code A} before {@code a}). An explicit output without
 * {@code ...} sums the ellipsis axes away, as JAX does.
 *
 * @param inputs the labels of each operand's axes
 * @param output the labels of the result's axes
 */
record EinsumSpec(Vector<Vector<Integer>> inputs, Vector<Integer> output) {

    private record Term(Vector<Integer> letters, int ellipsisAt) {
        boolean hasEllipsis() { return ellipsisAt >= 0; }
    }

    static EinsumSpec parse(String subscripts, Array... operands) { return parse("einsum", subscripts, operands); }

    /** {@link #parse(String, Array...)} naming {@code op}, the function the user called, in its errors. */
    static EinsumSpec parse(String op, String subscripts, Array... operands) {
        String s = subscripts.replaceAll("\\s", "");
        int arrow = s.indexOf("->");
        if (arrow >= 0 && s.indexOf("->", arrow + 1) >= 0) throw bad(op, subscripts, "more than one '->'", operands);
        String lhs = arrow >= 0 ? s.substring(0, arrow) : s;
        String[] parts = lhs.split(",", -1);
        if (parts.length != operands.length) {
            throw bad(op, subscripts, parts.length + " input terms for " + operands.length + " operands", operands);
        }
        Vector<Term> terms = Vector.of(parts).map(t -> term(op, t, subscripts, operands));
        int ellipsisRank = 0;
        for (int i = 0; i < operands.length; i++) {
            Term t = terms.get(i);
            int extra = operands[i].ndim() - t.letters().size();
            if (extra < 0 || (!t.hasEllipsis() && extra != 0)) {
                throw new ShapeError(op, "operand " + i + " has rank " + operands[i].ndim() + " but its subscripts '" + parts[i]
                        + "' name " + t.letters().size() + " axes, got " + Operands.avals(operands));
            }
            ellipsisRank = Math.max(ellipsisRank, extra);
        }
        Vector<Vector<Integer>> inputs = Vector.empty();
        for (int i = 0; i < operands.length; i++) {
            inputs = inputs.append(expand(terms.get(i), operands[i].ndim() - terms.get(i).letters().size()));
        }
        Vector<Integer> letters = inputs.flatMap(v -> v).filter(l -> l > 0);
        Vector<Integer> output;
        if (arrow >= 0) {
            Term out = term(op, s.substring(arrow + 2), subscripts, operands);
            output = expand(out, out.hasEllipsis() ? ellipsisRank : 0);
            for (int l : out.letters()) {
                if (!letters.contains(l)) throw bad(op, subscripts, "output subscript '" + (char) l + "' does not occur in the inputs", operands);
            }
            if (output.distinct().size() != output.size()) throw bad(op, subscripts, "the output repeats a subscript", operands);
        } else {
            Vector<Integer> once = letters.distinct().filter(l -> letters.count(l::equals) == 1).sorted();
            output = ellipsisLabels(ellipsisRank).appendAll(once);
        }
        return new EinsumSpec(inputs, output);
    }

    private static Term term(String op, String t, String subscripts, Array[] operands) {
        Vector<Integer> letters = Vector.empty();
        int ellipsisAt = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if (ellipsisAt >= 0 || !t.startsWith("...", i)) throw bad(op, subscripts, "'.' must come as one '...' per term", operands);
                ellipsisAt = letters.size();
                i += 2;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letters = letters.append((int) c);
            } else {
                throw bad(op, subscripts, "invalid subscript '" + c + "' (only letters and '...' are allowed)", operands);
            }
        }
        return new Term(letters, ellipsisAt);
    }

    private static Vector<Integer> expand(Term t, int extra) {
        if (!t.hasEllipsis()) return t.letters();
        Vector<Integer> dots = ellipsisLabels(extra);
        return t.letters().take(t.ellipsisAt()).appendAll(dots).appendAll(t.letters().drop(t.ellipsisAt()));
    }

    /** The last {@code n} ellipsis labels: {@code -n..-1}, so that shorter ellipses align to the right. */
    private static Vector<Integer> ellipsisLabels(int n) { return Vector.range(-n, 0); }

    private static ArgumentError bad(String op, String subscripts, String why, Array[] operands) {
        return new ArgumentError(op, "bad subscripts '" + subscripts + "': " + why + ", got " + Operands.avals(operands));
    }
}
