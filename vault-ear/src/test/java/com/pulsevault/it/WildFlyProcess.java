package com.pulsevault.it;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;

/**
 * The WildFly that Arquillian started, seen as an OS process: tests kill it with SIGKILL, as a power
 * cut or the OOM killer would, and start it again with the same command line. The EAR is part of the
 * persisted server configuration, so it comes back deployed; Arquillian's own shutdown at the end of
 * the run stops the relaunched process through the management API.
 */
public final class WildFlyProcess {

    private static final String JBOSS_HOME = new File(System.getProperty("jboss.home")).getAbsolutePath();

    private WildFlyProcess() {
    }

    /** Kills the server with SIGKILL and returns its command line, to start it again with. */
    public static List<String> kill9() throws InterruptedException {
        ProcessHandle server = find().orElseThrow(() -> new IllegalStateException("no WildFly process for " + JBOSS_HOME));
        List<String> command = new ArrayList<>();
        command.add(server.info().command().orElseThrow());
        command.addAll(List.of(server.info().arguments().orElseThrow()));
        server.destroyForcibly(); // SIGKILL on Linux
        server.onExit().join();
        return command;
    }

    public static void start(List<String> command) throws IOException {
        File log = new File(System.getProperty("java.io.tmpdir"), "pulsevault-it-wildfly-restart.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = Http.send("OPTIONS", "uploads", null);
                if (r.statusCode() == 204) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("restarted WildFly exited; see " + log);
            }
            sleepBriefly();
        }
        throw new IllegalStateException("restarted WildFly did not serve the vault within 120 s; see " + log);
    }

    /** Runs one management command against the running server, as an administrator would. */
    public static String cli(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(JBOSS_HOME + "/bin/jboss-cli.sh", "--connect",
                "--controller=remote+http://127.0.0.1:" + System.getProperty("vault.management.port", "10090"), "--command=" + command)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jboss-cli " + command + " failed: " + output);
        }
        return output;
    }

    /** The server's thread dump (jcmd Thread.print). */
    public static String threadDump() throws IOException, InterruptedException {
        long pid = find().orElseThrow().pid();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return output;
    }

    private static Optional<ProcessHandle> find() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")
                        && c.contains("-Djboss.home.dir=" + JBOSS_HOME)).orElse(false))
                .findFirst();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
