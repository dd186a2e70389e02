/**
 * How experiment records are bound from YAML nodes and described as JSON Schema. Not public API.
 */
package dev.faultline.experiment.internal;
