/**
 * The game day: a live room over one running experiment. {@link dev.faultline.gameday.GameDay}
 * drives the same {@link dev.faultline.run.RunSession} as a scheduled run — the person in the room
 * is the driver instead of the schedule: it provisions the experiment's targets and proxies, keeps
 * its load steady, and serves a page on 127.0.0.1 where people switch the declared faults on and
 * off (each within a time box), run the checks on demand, write notes and press ABORT. Every action
 * and note goes into the run's journal; when the game day ends every fault is rolled back and the
 * usual run report is written, with the manual timeline. {@link
 * dev.faultline.gameday.GameDayAddress} lets {@code faultline abort} find a running game day.
 */
package dev.faultline.gameday;
