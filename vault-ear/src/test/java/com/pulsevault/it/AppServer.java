package com.pulsevault.it;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application server the suite runs on ({@code vault.server}: {@code wildfly} or {@code payara}),
 * as an operator sees it: an OS process that can be killed with SIGKILL (a power cut, the OOM killer)
 * and started again, an administration tool that undeploys and deploys the EAR, and a JVM whose
 * threads can be listed. Whatever a test does to the server, Arquillian's own shutdown at the end of
 * the run still stops it.
 */
public abstract class AppServer {

    private static final AppServer CURRENT = "payara".equals(System.getProperty("vault.server"))
            ? new Payara() : new WildFly();

    public static AppServer current() {
        return CURRENT;
    }

    public abstract String name();

    /** Kills the server with SIGKILL and waits until the process is gone. */
    public abstract void kill9() throws InterruptedException;

    /** Starts the killed server again, the way its administrator would, and waits until it serves the vault. */
    public abstract void start() throws IOException, InterruptedException;

    /** Undeploys the vault as an administrator would; its media root stays as it is. */
    public abstract void undeploy() throws IOException, InterruptedException;

    /** Deploys the vault again after {@link #undeploy()}. */
    public abstract void deploy() throws IOException, InterruptedException;

    /** Sets a vault property the way its administrator would (the vault reads it at its next deploy). */
    public abstract void setVaultProperty(String name, String value) throws IOException, InterruptedException;

    /** The server JVM's thread dump (jcmd Thread.print). */
    public String threadDump() throws IOException, InterruptedException {
        long pid = process().orElseThrow(() -> new IllegalStateException("no " + name() + " process")).pid();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        return run(List.of(jcmd, String.valueOf(pid), "Thread.print"), Map.of(), false);
    }

    /** The server's JVM, found by its command line. */
    protected abstract Optional<ProcessHandle> process();

    protected ProcessHandle killProcess() throws InterruptedException {
        ProcessHandle server = process().orElseThrow(() -> new IllegalStateException("no " + name() + " process"));
        server.destroyForcibly(); // SIGKILL on Linux
        server.onExit().join();
        return server;
    }

    /** Waits until the vault answers OPTIONS /uploads; {@code alive} says whether it can still come up. */
    protected static void awaitVault(java.util.function.BooleanSupplier alive, String what, File log) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = Http.send("OPTIONS", "uploads", null);
                if (r.statusCode() == 204) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited; see " + log);
            }
            sleepBriefly();
        }
        throw new IllegalStateException(what + " did not serve the vault within 180 s; see " + log);
    }

    /** Runs a command to its end; with {@code check}, a non-zero exit fails the test with the output. */
    protected static String run(List<String> command, Map<String, String> environment, boolean check)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && check) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * WildFly started by Arquillian from the unpacked distribution. After a kill it is started again
     * with the same command line; the EAR is part of the persisted configuration, so it comes back
     * deployed, and Arquillian stops the relaunched process through the management API. Undeploy and
     * deploy go through server-config/wildfly's scripts.
     */
    static final class WildFly extends AppServer {

        private final String jbossHome = new File(System.getProperty("jboss.home")).getAbsolutePath();
        private List<String> command;

        @Override
        public String name() {
            return "WildFly";
        }

        @Override
        public void kill9() throws InterruptedException {
            ProcessHandle server = process().orElseThrow(() -> new IllegalStateException("no WildFly process for " + jbossHome));
            List<String> line = new ArrayList<>();
            line.add(server.info().command().orElseThrow());
            line.addAll(List.of(server.info().arguments().orElseThrow()));
            command = line;
            killProcess();
        }

        @Override
        public void start() throws IOException {
            File log = new File(System.getProperty("java.io.tmpdir"), "pulsevault-it-wildfly-restart.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            awaitVault(p::isAlive, "restarted WildFly", log);
        }

        @Override
        public void undeploy() throws IOException, InterruptedException {
            script("undeploy.sh");
        }

        @Override
        public void deploy() throws IOException, InterruptedException {
            script("deploy.sh", new File(System.getProperty("vault.ear")).getAbsolutePath());
        }

        /** Through server-config/wildfly/set-properties.sh: a system property of the server. */
        @Override
        public void setVaultProperty(String name, String value) throws IOException, InterruptedException {
            Path file = java.nio.file.Files.createTempFile("pulsevault-it", ".properties");
            try {
                java.nio.file.Files.writeString(file, name + "=" + value + "\n");
                script("set-properties.sh", file.toString());
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        }

        /** server-config/wildfly's own scripts, as an administrator runs them, so the tests prove them. */
        private void script(String name, String... arguments) throws IOException, InterruptedException {
            List<String> line = new ArrayList<>();
            line.add(Path.of(System.getProperty("vault.server.config"), "wildfly", name).toString());
            line.addAll(List.of(arguments));
            line.add("--controller=remote+http://127.0.0.1:" + System.getProperty("vault.management.port"));
            run(line, Map.of("JBOSS_HOME", jbossHome), true);
        }

        @Override
        protected Optional<ProcessHandle> process() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")
                            && c.contains("-Djboss.home.dir=" + jbossHome)).orElse(false))
                    .findFirst();
        }
    }

    /**
     * A Payara domain that Arquillian starts with {@code asadmin start-domain} and stops with
     * {@code asadmin stop-domain}. After a kill it is started again with {@code asadmin start-domain},
     * so Arquillian's stop-domain at the end stops the new process. Undeploy and deploy go through
     * the scripts in server-config/payara, so the tests prove them.
     */
    static final class Payara extends AppServer {

        private final String payaraHome = new File(System.getProperty("payara.home")).getAbsolutePath();
        private final String domain = System.getProperty("payara.domain");
        private final String adminPort = System.getProperty("payara.admin.port");
        private final Path scripts = Path.of(System.getProperty("vault.server.config"), "payara");

        @Override
        public String name() {
            return "Payara";
        }

        @Override
        public void kill9() throws InterruptedException {
            killProcess();
        }

        @Override
        public void start() throws IOException, InterruptedException {
            // start-domain returns once the DAS answers; the vault may still be deploying
            run(List.of(payaraHome + "/bin/asadmin", "--interactive=false", "start-domain", domain), Map.of(), true);
            File log = new File(System.getProperty("vault.server.log"));
            awaitVault(() -> process().isPresent(), "restarted Payara", log);
        }

        @Override
        public void undeploy() throws IOException, InterruptedException {
            run(List.of(scripts.resolve("undeploy.sh").toString(), "--port", adminPort),
                    Map.of("PAYARA_HOME", payaraHome), true);
        }

        @Override
        public void deploy() throws IOException, InterruptedException {
            run(List.of(scripts.resolve("deploy.sh").toString(), "--port", adminPort,
                    new File(System.getProperty("vault.ear")).getAbsolutePath()), Map.of("PAYARA_HOME", payaraHome), true);
        }

        /** A domain MicroProfile Config property, as configure.sh --properties sets them. */
        @Override
        public void setVaultProperty(String name, String value) throws IOException, InterruptedException {
            run(List.of(payaraHome + "/bin/asadmin", "--interactive=false", "--port", adminPort, "set-config-property",
                    "--source=domain", "--propertyName=" + name, "--propertyValue=" + value), Map.of(), true);
        }

        /**
         * The DAS writes its pid to the domain's config/pid (its command line is too long for
         * ProcessHandle, which sees only the first 4 KiB of it).
         */
        @Override
        protected Optional<ProcessHandle> process() {
            Path pidFile = Path.of(payaraHome, "glassfish", "domains", domain, "config", "pid");
            try {
                long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).trim());
                return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().map(c -> c.contains("/glassfish/domains/" + domain)).orElse(false));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
