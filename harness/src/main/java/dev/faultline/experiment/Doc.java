package dev.faultline.experiment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a YAML field means; shown in the JSON Schema and in error hints. {@value #KINDS} in the text
 * stands for the YAML keys of the kinds the type holds (a sealed type's variants, or those of a
 * record's inline component), so a list of kinds is never typed by hand.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE, ElementType.FIELD})
public @interface Doc {

  /** Stands for the kinds' YAML keys, joined by ", ". */
  String KINDS = "{kinds}";

  String value();
}
