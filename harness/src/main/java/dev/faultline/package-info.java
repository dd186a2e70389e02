/**
 * Faultline: the exception root shared by every package. Embedding callers (a JUnit test, a Maven
 * plugin) start at the public API in {@code dev.faultline.api}.
 */
package dev.faultline;
