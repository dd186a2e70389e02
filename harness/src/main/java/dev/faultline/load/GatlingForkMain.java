package dev.faultline.load;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Main class of the forked Gatling JVM (not API). Before handing over to
 * {@code io.gatling.app.Gatling.main}, it
 * <ul>
 *   <li>seeds Gatling's version-check cache: Gatling 3.15 has no switch for its check of the
 *       latest release on Maven Central, but skips it while the Java preference node
 *       {@code /io/gatling/latestVersion} holds a recent check ({@code lastCheckTimestamp},
 *       {@code lastCheckSuccess}); the harness points {@code java.util.prefs.userRoot} at the run
 *       folder so the user's own preferences are untouched;</li>
 *   <li>watches the harness process and halts when it is gone, so that even a SIGKILLed harness
 *       (whose shutdown hooks never run) leaves no load running.</li>
 * </ul>
 */
public final class GatlingForkMain {

    private GatlingForkMain() {}

    public static void main(String[] args) {
        watchParent();
        seedVersionCheck();
        io.gatling.app.Gatling.main(args);
    }

    private static void seedVersionCheck() {
        Preferences node = Preferences.userRoot().node("/io/gatling/latestVersion");
        node.putLong("lastCheckTimestamp", System.currentTimeMillis());
        node.putBoolean("lastCheckSuccess", false);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            System.err.println("faultline: could not store Gatling's version-check cache, Gatling may query Maven Central: " + e);
        }
    }

    private static void watchParent() {
        String parent = System.getProperty(ForkFiles.PARENT_PID_PROPERTY);
        if (parent == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                handle -> handle.onExit().thenRun(GatlingForkMain::parentGone),
                GatlingForkMain::parentGone);
    }

    private static void parentGone() {
        System.err.println("faultline: the harness process is gone, stopping the load");
        System.exit(3);
    }
}
