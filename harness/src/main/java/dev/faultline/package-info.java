/** Faultline: the exception root shared by every package. */
package dev.faultline;
