package dev.jaxj.linalg;

import dev.jaxj.Linalg;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static dev.jaxj.ArrayAssertions.arr;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad operands of the elimination primitives and the solvers: the op, the requirement, the avals and the caller's line. */
class LinalgErrorsTest {
    private static Array zeros(DType d, int... shape) { return arr(d, Shape.of(shape), new double[Shape.of(shape).size()]); }

    private static <T extends JaxjException> void fails(Class<T> type, Executable call, String... fragments) {
        T e = assertThrows(type, call);
        String msg = e.getMessage();
        for (String f : fragments) assertTrue(msg.contains(f), () -> "message lacks '" + f + "':\n" + msg);
        assertTrue(msg.contains("LinalgErrorsTest"), () -> "message lacks the caller's line:\n" + msg);
    }

    @Test
    void primitivesShouldNameTheirRequirement() {
        fails(ShapeError.class, () -> Lax.cholesky(zeros(DType.F32, 3, 4)), "cholesky", "square", "f32[3,4]");
        fails(ShapeError.class, () -> Lax.lu(zeros(DType.F32, 3)), "lu", "rank >= 2", "f32[3]");
        fails(DTypeError.class, () -> Lax.cholesky(zeros(DType.I32, 2, 2)), "cholesky", "floating-point", "i32[2,2]");
        fails(ShapeError.class, () -> Lax.triangularSolve(zeros(DType.F32, 3, 3), zeros(DType.F32, 4, 2), true, true, false, false, false),
                "triangular_solve", "f32[3,3]", "f32[4,2]");
        fails(ShapeError.class, () -> Lax.triangularSolve(zeros(DType.F32, 2, 3, 3), zeros(DType.F32, 3, 3, 2), true, true, false, false, false),
                "triangular_solve", "batch", "f32[2,3,3]");
        fails(DTypeError.class, () -> Lax.triangularSolve(zeros(DType.F32, 3, 3), zeros(DType.F64, 3, 2), true, true, false, false, false),
                "triangular_solve", "one dtype");
    }

    @Test
    void solversShouldNameTheirRequirement() {
        fails(ShapeError.class, () -> Linalg.solve(zeros(DType.F32, 3, 3), zeros(DType.F32, 4)), "solve", "f32[3,3]", "f32[4]");
        fails(ShapeError.class, () -> Linalg.inv(zeros(DType.F32, 2, 3)), "inv", "square", "f32[2,3]");
        fails(ShapeError.class, () -> Linalg.det(zeros(DType.F32, 4)), "det", "f32[4]");
        fails(ShapeError.class, () -> Linalg.cross(zeros(DType.F32, 2), zeros(DType.F32, 2)), "cross", "size 3");
        fails(ArgumentError.class, () -> dev.jaxj.scipy.Linalg.solve(zeros(DType.F32, 2, 2), zeros(DType.F32, 2), "banded"), "solve", "assume_a");
        fails(ShapeError.class, () -> Linalg.tensorinv(zeros(DType.F32, 2, 3), 1), "tensorinv", "f32[2,3]");
    }
}
