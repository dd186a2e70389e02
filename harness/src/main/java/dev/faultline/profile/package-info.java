/**
 * Profiles of the targets from JDK Flight Recorder: recording, reading per window, flame graphs.
 *
 * <ul>
 *   <li>{@link dev.faultline.profile.FlameTree} merges stacks with weights (CPU samples, or
 *       nanoseconds spent waiting, as its {@link dev.faultline.profile.WeightUnit} says) into a
 *       call tree, and says which frames grew against a baseline tree ({@link
 *       dev.faultline.profile.FrameGrowth}).
 *   <li>{@link dev.faultline.profile.FlameGraphSvg} draws a tree as one self-contained SVG for the
 *       report, coloured by frame name or, against a baseline, by growth.
 * </ul>
 *
 * <p>The flame graph part is pure: stacks in, text out, no JFR and no I/O.
 */
package dev.faultline.profile;
