package dev.faultline;

/**
 * The root of every exception Faultline throws on purpose. Each subtype carries the context a user
 * needs (file and line, target name, fault name) and maps to one CLI exit code.
 */
public class FaultlineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FaultlineException(String message) {
    super(message);
  }

  public FaultlineException(String message, Throwable cause) {
    super(message, cause);
  }
}
