package dev.jaxj.ir;

import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SourceInfoTest {
    @Test
    void shouldPointErrorsAtTheCallersLine() {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        ShapeError e = assertThrows(ShapeError.class, () -> new Primitive.Add().abstractEval(Vector.of(ShapedArray.of(DType.F32, 2), ShapedArray.of(DType.F32, 3))));
        assertEquals("SourceInfoTest.java", e.where().fileName());
        assertEquals(line, e.where().line());
        assertTrue(e.getMessage().contains("at SourceInfoTest."), e.getMessage());
    }

    @Test
    void shouldTreatLibraryClassesAsInternalButNotTestsOrExamples() {
        assertTrue(SourceInfo.isLibraryFrame("dev.jaxj.ir.Primitive$Add"));
        assertTrue(SourceInfo.isLibraryFrame("java.util.ArrayList"));
        assertFalse(SourceInfo.isLibraryFrame("dev.jaxj.ir.PrimitiveTest"));
        assertFalse(SourceInfo.isLibraryFrame("dev.jaxj.ir.PrimitiveTest$Inner"));
        assertFalse(SourceInfo.isLibraryFrame("dev.jaxj.examples.Iris"));
        assertFalse(SourceInfo.isLibraryFrame("com.acme.Model"));
    }

    /** The library call the user made names errors raised deep inside shared code. */
    @Test
    void shouldNameTheLibraryCallTheUserMade() {
        assertEquals("shape", assertThrows(ShapeError.class, () -> Shape.of(-1)).op());
        assertEquals("with", assertThrows(ShapeError.class, () -> Shape.of(3).with(0, -2)).op());
        assertEquals("shaped_array", assertThrows(ShapeError.class, () -> ShapedArray.of(DType.F32, -4)).op());
        assertEquals("entry_op", SourceInfo.entryOp("fallback"));
    }
}
