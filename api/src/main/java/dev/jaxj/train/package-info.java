/**
 * A Keras-like training loop on top of the functional core: compile a model with an optimizer,
 * a loss and metrics, then {@code fit}, {@code evaluate} and {@code predict}.
 * {@snippet lang=text :
 * Trainer    ::= Trainer.of(Module<P, S>, GradientTransformation<?>, Loss, Metric*)  -> Trainer<P, S>
 * init       ::= trainer.init(Key, sampleInput)            -> TrainState<P, S>(variables, optState, rng)
 * fit        ::= trainer.fit(TrainState, x, y, FitConfig)  -> FitResult<P, S>(TrainState, History, stoppedEarly, [NonFiniteLoss])
 * FitConfig  ::= epochs batchSize [validationSplit | validationData] shuffle [EarlyStopping] terminateOnNan verbose out
 * evaluate   ::= trainer.evaluate(TrainState, x, y)         -> java.util.Map<String, Double> {loss, metric...}
 * predict    ::= trainer.predict(TrainState, x)             -> outputs
 * Plots      ::= history(History, png) | decisionRegions(classify, x2d, labels, png, ...)
 * }
 * Why a loop over pure functions: the train step is {@code (params, state, optState, batch,
 * key) -> (params', state', optState', loss, metrics)}, compiled once with {@code jit}; the loop
 * only slices batches, threads the state and reports. The progress line is drawn here rather
 * than with a library: it must match Keras's layout and print cleanly when output is not a
 * terminal (Maven, CI logs). The charts are JFreeChart's, rendered headless: the decision
 * regions are one plot, the classifier's grid as blocks with the examples drawn over it.
 */
package dev.jaxj.train;
