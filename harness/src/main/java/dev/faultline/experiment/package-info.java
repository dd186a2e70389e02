/**
 * The experiment model: YAML files bound to immutable records, validated once when loaded, with
 * every error located at file:line:column and paired with a fix. The same records generate the JSON
 * Schema that editors use ({@code experiments/experiment.schema.json}).
 *
 * <p>Check and fault kinds are variants of sealed interfaces ({@link
 * dev.faultline.experiment.CheckSpec}, {@link dev.faultline.experiment.Fault}, {@link
 * dev.faultline.experiment.ToxicFault}). Each kind says what it needs of a run ({@code observes()},
 * {@code needs()}) and has a {@code match} method calling its case of a {@code Cases} interface;
 * every place that handles kinds implements that interface in full, so the compiler lists them. A
 * new check kind is: its record (in {@code CheckSpecs}) and the {@code permits} clause, a method in
 * {@code CheckSpec.Cases}; the compiler then asks for its rules ({@code CheckRules}) and its
 * implementation ({@code check.Checks}). A new fault kind is the same with {@code Fault.Cases},
 * {@code FaultRules} and {@code fault.FaultInjectors}. Lists of kinds in documentation are derived
 * from the sealed types ({@link dev.faultline.experiment.Doc#KINDS}).
 *
 * <p>Entry point: {@link dev.faultline.experiment.ExperimentLoader}.
 */
package dev.faultline.experiment;
