package dev.jaxj.accel.cuda;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/** What the NVRTC and driver bindings share: loading a library by name or path, and linking its functions. */
final class Native {
    private Native() {}

    /**
     * {@return the symbols of library {@code name}} (a soname searched on the system's library
     * path, or a file path), or null when it cannot be loaded
     */
    static SymbolLookup tryLoad(String name) {
        try {
            return name.contains("/") ? SymbolLookup.libraryLookup(java.nio.file.Path.of(name), Arena.global()) : SymbolLookup.libraryLookup(name, Arena.global());
        } catch (IllegalArgumentException | UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** Looks up and links a library's functions; a missing one fails as {@code op} with {@code hint}. */
    record Binder(String library, SymbolLookup lib, String op, String hint) {
        MethodHandle bind(String fn, MemoryLayout result, MemoryLayout... params) {
            MemorySegment addr = lib.find(fn).orElseThrow(() -> new BackendError(op, library + " has no function " + fn + ": " + hint));
            return Linker.nativeLinker().downcallHandle(addr, FunctionDescriptor.of(result, params));
        }
    }

    /** Passes unchecked throwables on; a downcall handle throws nothing checked, but invokeExact declares Throwable. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
