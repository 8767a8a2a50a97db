package dev.jaxj.tree;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.RecordComponent;

/**
 * A record class seen as a pytree node: its components split into children and {@link Static}
 * ones, with method handles to read them and to call the canonical constructor.
 *
 * <p>The reflection runs once per class ({@link ClassValue}); flattening then costs one
 * handle call per component. Non-public records work when their package is open to this
 * module (always so on the class path).
 */
final class RecordType {
    private static final ClassValue<RecordType> CACHE = new ClassValue<>() {
        @Override protected RecordType computeValue(Class<?> type) { return new RecordType(type); }
    };
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private final Class<?> type;
    private final String[] names;
    private final Class<?>[] boxedTypes;
    private final boolean[] isStatic;
    private final MethodHandle[] getters;
    private final MethodHandle constructor;
    private final Seq<KeyPath.Entry> keys;
    private final int staticCount;

    private RecordType(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        names = new String[n];
        boxedTypes = new Class<?>[n];
        isStatic = new boolean[n];
        getters = new MethodHandle[n];
        var rawTypes = new Class<?>[n];
        var lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < n; i++) {
                var c = components[i];
                names[i] = c.getName();
                rawTypes[i] = c.getType();
                boxedTypes[i] = MethodType.methodType(c.getType()).wrap().returnType();
                isStatic[i] = c.isAnnotationPresent(Static.class);
                getters[i] = lookup.unreflect(accessible(c.getAccessor())).asType(GETTER);
            }
            var ctor = accessible(type.getDeclaredConstructor(rawTypes));
            constructor = lookup.unreflectConstructor(ctor)
                    .asSpreader(Object[].class, n)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new TreeFault("a record's components and canonical constructor must be readable",
                    "record " + type.getName() + " (" + e + ")");
        }
        staticCount = countStatic(isStatic);
        var k = Vector.<KeyPath.Entry>empty();
        for (int i = 0; i < n; i++) if (!isStatic[i]) k = k.append(new KeyPath.Field(names[i]));
        keys = k;
    }

    /** {@return the node view of a record class} */
    static RecordType of(Class<?> type) { return CACHE.get(type); }

    private <A extends AccessibleObject> A accessible(A member) {
        if (!member.trySetAccessible())
            throw new TreeFault("the components of a record in a tree must be readable: make the record "
                    + "public in an exported package, or open its package to dev.jaxj.transforms",
                    "inaccessible record " + type.getName());
        return member;
    }

    private static int countStatic(boolean[] flags) {
        int count = 0;
        for (boolean f : flags) if (f) count++;
        return count;
    }

    /** {@return the number of {@link Static} components, the size of the aux data} */
    int staticCount() { return staticCount; }

    /** {@return the path entries of the children: the names of the non-static components} */
    Seq<KeyPath.Entry> keys() { return keys; }

    /** {@return the parts of {@code record}: static values as aux, the other components as children} */
    Nodes.Parts parts(Object record) {
        var aux = new Object[staticCount];
        var children = new Object[names.length - staticCount];
        int a = 0, c = 0;
        for (int i = 0; i < names.length; i++) {
            Object value = get(i, record);
            if (isStatic[i]) {
                if (value == null) throw TreeFault.nullValue().under(new KeyPath.Field(names[i]));
                aux[a++] = value;
            } else {
                children[c++] = value;
            }
        }
        return new Nodes.Parts(new NodeKind.RecordKind(type.asSubclass(Record.class)), Vector.of(aux), Vector.of(children));
    }

    private Object get(int i, Object record) {
        try {
            return (Object) getters[i].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {   // accessors cannot declare checked exceptions, but handles say Throwable
            throw new IllegalStateException(t);
        }
    }

    /** {@return the record with these static values and children, through its canonical constructor} */
    Object rebuild(Seq<?> aux, Seq<Object> children) {
        var args = new Object[names.length];
        var a = aux.iterator();
        var c = children.iterator();
        for (int i = 0; i < names.length; i++) {
            Object value = isStatic[i] ? a.next() : c.next();
            if (!boxedTypes[i].isInstance(value)) {
                var fault = new TreeFault(type.getSimpleName() + " component " + names[i] + " takes "
                        + boxedTypes[i].getSimpleName(), value.getClass().getName());
                throw isStatic[i] ? fault : fault.under(new KeyPath.Field(names[i]));
            }
            args[i] = value;
        }
        try {
            return (Object) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;   // the record's own validation speaks for itself
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@return e.g. {@code Dense(w=*, b=*, features=3)}: children and static values in declaration order} */
    String format(Seq<?> aux, Seq<String> children) {
        var parts = new StringBuilder(name(type)).append('(');
        var a = aux.iterator();
        var c = children.iterator();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) parts.append(", ");
            parts.append(names[i]).append('=').append(isStatic[i] ? KeyPath.show(a.next()) : c.next());
        }
        return parts.append(')').toString();
    }

    /** {@return the short name of a class for printing: the simple name, or the full one if it has none} */
    static String name(Class<?> type) {
        var simple = type.getSimpleName();
        return simple.isEmpty() ? type.getName() : simple;
    }
}
