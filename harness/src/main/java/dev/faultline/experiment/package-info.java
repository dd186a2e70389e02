/**
 * The experiment model: YAML files bound to immutable records, validated once when loaded, with
 * every error located at file:line:column and paired with a fix. The same records generate the JSON
 * Schema that editors use ({@code experiments/experiment.schema.json}).
 *
 * <p>Entry point: {@link dev.faultline.experiment.ExperimentLoader}.
 */
package dev.faultline.experiment;
