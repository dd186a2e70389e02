package dev.faultline.experiment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value type written in YAML as one string, parsed by its {@code public static T parse(String)}
 * method, which throws {@link IllegalArgumentException} with the reason when the text is wrong.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Scalar {
  /** A regular expression for the JSON Schema. */
  String pattern();

  /** A correct example, used in fix hints. */
  String example();
}
