package dev.faultline.experiment.internal;

import dev.faultline.experiment.Inline;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Reflection over the model's types, shared by the binder and the schema generator. */
final class Types {

  private Types() {}

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }

  static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  static boolean isInline(RecordComponent c) {
    return c.isAnnotationPresent(Inline.class);
  }

  /** The concrete record variants of a sealed interface, following nested sealed interfaces. */
  static List<Class<?>> variants(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> p : sealed.getPermittedSubclasses()) {
      if (p.isSealed() && p.isInterface()) {
        out.addAll(variants(p));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  static boolean isWholeNumber(Class<?> c) {
    return c == int.class || c == Integer.class || c == long.class || c == Long.class;
  }

  static boolean isNumber(Class<?> c) {
    return c == double.class || c == Double.class;
  }

  static boolean isBoolean(Class<?> c) {
    return c == boolean.class || c == Boolean.class;
  }
}
