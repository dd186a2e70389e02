package dev.faultline.observe;

import java.util.Arrays;
import java.util.List;

/**
 * Stack frames as one stable text form, whatever the source: {@code class.method(File.java:12)}.
 */
final class Frames {

  private Frames() {}

  static List<String> of(StackTraceElement[] stack) {
    return Arrays.stream(stack)
        .map(
            f ->
                of(
                    f.getClassName(),
                    f.getMethodName(),
                    f.getFileName(),
                    f.getLineNumber(),
                    f.isNativeMethod()))
        .toList();
  }

  static String of(String className, String method, String file, int line, boolean nativeMethod) {
    String where =
        nativeMethod
            ? "Native Method"
            : file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
    return className + "." + method + "(" + where + ")";
  }
}
