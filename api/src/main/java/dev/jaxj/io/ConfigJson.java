package dev.jaxj.io;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Vector;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.StringWriter;

/**
 * The JSON of a model's configuration, as a small tree read and written with Jackson's
 * streaming core. Reading is strict: duplicate keys are rejected (a config is a description,
 * and two values for one hyper-parameter leave it ambiguous), numbers keep their literal text
 * so that integers are checked exactly, and syntax errors name the character offset.
 */
final class ConfigJson {
    /** Deeper than any module tree needs, shallow enough for any stack. */
    private static final int MAX_DEPTH = 256;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigJson() {}

    sealed interface Node permits Obj, Arr, Str, Num, Bool, Null {}

    record Obj(LinkedHashMap<String, Node> members) implements Node {}
    record Arr(Vector<Node> items) implements Node {}
    record Str(String value) implements Node {}
    /** A number as its literal text. */
    record Num(String text) implements Node {}
    record Bool(boolean value) implements Node {}
    record Null() implements Node {}

    /** {@return a one-word description of a node's kind, for messages} */
    static String kind(Node n) {
        return switch (n) {
            case Obj _ -> "an object";
            case Arr _ -> "an array";
            case Str(var s) -> "the string \"" + s + "\"";
            case Num(var t) -> "the number " + t;
            case Bool(var b) -> b ? "true" : "false";
            case Null _ -> "null";
        };
    }

    /**
     * {@return the single JSON value in {@code text}}
     *
     * @param source what the text is, for messages (e.g. the file and metadata key)
     * @throws CheckpointError at the first character that breaks JSON, or a duplicate key
     */
    static Node parse(String text, String source) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new CheckpointError(source + ": the model config must be a JSON object, got an empty text at character offset 0");
            Node root = value(p, first, 0, source);
            JsonToken after = p.nextToken();
            if (after != null)
                throw new CheckpointError(source + ": the model config must hold one JSON value, got more after it at character offset "
                        + p.currentTokenLocation().getCharOffset());
            return root;
        } catch (JacksonException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new CheckpointError(source + ": the model config must be JSON: " + e.getOriginalMessage()
                    + (at >= 0 ? " at character offset " + at : ""), e);
        }
    }

    private static Node value(JsonParser p, JsonToken t, int depth, String source) {
        if (depth > MAX_DEPTH)
            throw new CheckpointError(source + ": the model config must nest at most " + MAX_DEPTH + " levels, got deeper nesting at character offset "
                    + p.currentTokenLocation().getCharOffset());
        return switch (t) {
            case START_OBJECT -> {
                var members = LinkedHashMap.<String, Node>empty();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    members = members.put(name, value(p, p.nextToken(), depth + 1, source));
                }
                yield new Obj(members);
            }
            case START_ARRAY -> {
                var items = Vector.<Node>empty();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) items = items.append(value(p, k, depth + 1, source));
                yield new Arr(items);
            }
            case VALUE_STRING -> new Str(p.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(p.getString());
            case VALUE_TRUE -> new Bool(true);
            case VALUE_FALSE -> new Bool(false);
            case VALUE_NULL -> new Null();
            // The parser yields these only inside the cases above, or for non-JSON input it has already rejected.
            case END_OBJECT, END_ARRAY, PROPERTY_NAME, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE ->
                    throw new CheckpointError(source + ": the model config must be JSON, got the token " + t + " at character offset "
                            + p.currentTokenLocation().getCharOffset());
        };
    }

    /** {@return {@code node} as compact JSON text} */
    static String write(Node node) {
        var out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, node);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Node node) {
        switch (node) {
            case Obj(var members) -> {
                g.writeStartObject();
                for (var m : members) {
                    g.writeName(m._1);
                    write(g, m._2);
                }
                g.writeEndObject();
            }
            case Arr(var items) -> {
                g.writeStartArray();
                for (Node n : items) write(g, n);
                g.writeEndArray();
            }
            case Str(var s) -> g.writeString(s);
            case Num(var text) -> g.writeNumber(text);
            case Bool(var b) -> g.writeBoolean(b);
            case Null _ -> g.writeNull();
        }
    }
}
