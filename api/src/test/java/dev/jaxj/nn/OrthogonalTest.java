package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The orthogonal initializer: orthonormal columns (or rows, for wide weights), scaled, and Q of the drawn normal matrix. */
class OrthogonalTest {

    static double dot(double[] w, int cols, int rows, int a, int b, boolean byColumn) {
        double s = 0;
        for (int r = 0; r < (byColumn ? rows : cols); r++)
            s += byColumn ? w[r * cols + a] * w[r * cols + b] : w[a * cols + r] * w[b * cols + r];
        return s;
    }

    @Test
    void shouldGiveOrthonormalColumnsScaled() {
        double[] w = new Orthogonal(2.0).apply(Random.key(0), Shape.of(6, 3), DType.F64).toDoubleArray();
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) assertEquals(a == b ? 4 : 0, dot(w, 3, 6, a, b, true), 1e-12);
    }

    @Test
    void shouldGiveOrthonormalRowsForWideWeights() {
        double[] w = new Orthogonal(1.0).apply(Random.key(1), Shape.of(2, 5), DType.F64).toDoubleArray();
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++) assertEquals(a == b ? 1 : 0, dot(w, 5, 2, a, b, false), 1e-12);
    }

    @Test
    void shouldBeTheQOfTheNormalDrawWithAPositiveDiagonalR() {
        // R = Qᵀ·A must be upper triangular with a positive diagonal: that fixes Q uniquely (JAX's sign correction).
        Array a = Random.normal(Random.key(7), Shape.of(4, 4), DType.F64);
        double[] q = new Orthogonal(1.0).apply(Random.key(7), Shape.of(4, 4), DType.F64).toDoubleArray();
        double[] x = a.toDoubleArray();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                double r = 0;
                for (int k = 0; k < 4; k++) r += q[k * 4 + i] * x[k * 4 + j];
                if (i > j) assertEquals(0, r, 1e-12, "R[" + i + "," + j + "]");
                if (i == j) assertEquals(true, r > 0, "R[" + i + "," + i + "] = " + r);
            }
    }
}
