/**
 * Running compiled programs, the same for every backend: {@link dev.jaxj.accel.run.PlanRunner}
 * walks a program's steps and puts each result where its buffer plan says, and
 * {@link dev.jaxj.accel.run.LoopDriver} drives loops and branches, whose programs are
 * executables of their own. A backend supplies only its compiled steps
 * ({@link dev.jaxj.accel.run.StepKernels}) and its memory operations.
 */
package dev.jaxj.accel.run;
