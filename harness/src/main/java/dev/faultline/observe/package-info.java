/**
 * Looking inside a target JVM without its help: its threads, their stacks and locks, and deadlock
 * cycles — through the Attach API and JMX when Faultline started the process on this machine, or
 * through Spring Boot's {@code /actuator/threaddump} when it is only reachable by URL. Whatever an
 * observer cannot see it says, in words, in {@link
 * dev.faultline.observe.ThreadSnapshot#blindSpots()}.
 */
package dev.faultline.observe;
