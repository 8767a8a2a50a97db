package dev.jaxj.train;

import dev.jaxj.errors.ArgumentError;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * What {@link Trainer#fit} measured, one value per epoch for each of {@code loss}, the metrics,
 * and with validation data {@code val_loss} and {@code val_<metric>}: Keras's
 * {@code history.history}.
 * {@snippet :
 * var fit = trainer.fit(state, x, y, config);
 * double last = fit.history().last("val_accuracy");
 * Map<String, Double> first = fit.history().epoch(0);   // {loss=…, accuracy=…, val_loss=…, val_accuracy=…}
 * }
 *
 * @param values the series by name, in the order they were first reported
 */
public record History(Map<String, Seq<Double>> values) {
    public History {
        requireNonNull(values, "values is null");
    }

    /** {@return a history without epochs} */
    public static History empty() { return new History(LinkedHashMap.empty()); }

    /** {@return this history with one more epoch} */
    History append(Map<String, Double> epoch) {
        Map<String, Seq<Double>> v = values;
        for (var e : epoch) v = v.put(e._1, v.get(e._1).getOrElse(Vector.empty()).append(e._2));
        return new History(v);
    }

    /** {@return the series called {@code name}} @throws ArgumentError for a name not recorded */
    public Seq<Double> get(String name) {
        return values.get(name).getOrElseThrow(() -> new ArgumentError("History", "no series '" + name + "'; recorded are " + values.keySet().mkString(", ")));
    }

    /** {@return the last value of the series {@code name}} */
    public double last(String name) { return get(name).last(); }

    /** {@return whether the series {@code name} was recorded} */
    public boolean has(String name) { return values.containsKey(name); }

    /**
     * {@return the values of epoch {@code index} (from 0) by name}, in the order they were first
     * reported: Keras's per-epoch {@code logs}, as an unmodifiable map
     *
     * @throws ArgumentError for an epoch not recorded
     */
    public java.util.Map<String, Double> epoch(int index) {
        if (index < 0 || index >= epochs())
            throw new ArgumentError("History", "epoch " + index + " was not recorded; it has " + epochs() + ", counted from 0");
        var logs = new java.util.LinkedHashMap<String, Double>();
        for (var e : values) logs.put(e._1, e._2.get(index));
        return java.util.Collections.unmodifiableSequencedMap(logs);
    }

    /** {@return the number of epochs recorded} */
    public int epochs() { return values.isEmpty() ? 0 : values.head()._2.size(); }
}
