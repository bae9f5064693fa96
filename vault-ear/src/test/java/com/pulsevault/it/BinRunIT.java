package com.pulsevault.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/run}, the first command a hospital tries, as a service manager runs it: it comes up on the
 * ports it was given and says where, and a SIGTERM (systemd, kill) stops every process it started.
 * Runs once (in the WildFly pass): it starts its own WildFly from the build, beside the server under test.
 */
@EnabledIfSystemProperty(named = "vault.server", matches = "wildfly")
class BinRunIT {

    private static final int HTTP_PORT = 18280;
    private static final int MANAGEMENT_PORT = 18290;
    private static final int KEYCLOAK_PORT = 18300;

    @Test
    void binRunServesTheVaultAndSigtermStopsEverythingItStarted() throws Exception {
        Path root = Path.of(System.getProperty("vault.project.root"));
        Path work = Files.createDirectories(Path.of(System.getProperty("vault.binrun.dir")));
        Path output = work.resolve("bin-run.out");
        Process run = new ProcessBuilder(root.resolve("bin/run").toString(), "--http-port", String.valueOf(HTTP_PORT),
                "--management-port", String.valueOf(MANAGEMENT_PORT), "--keycloak-port", String.valueOf(KEYCLOAK_PORT),
                "--media-root", work.resolve("media").toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            String api = "http://127.0.0.1:" + HTTP_PORT + "/pulsevault/api/v1/";
            awaitStatus(api + "uploads", "OPTIONS", 204, run, output);
            String banner = Files.readString(output);
            assertTrue(banner.contains("http://127.0.0.1:" + HTTP_PORT + "/pulsevault/api/v1"), banner);
            assertTrue(banner.contains("a private Redis on 127.0.0.1:"), banner);
            assertTrue(banner.contains("clinician") && banner.contains("TOKEN=$(curl"), "the demo users and a curl for a token: " + banner);

            // the demo realm works as printed: a clinician's token creates an upload; no token, no upload
            String issuer = "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/pulsevault";
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=pulsevault-cli&username=clinician&password=clinician-demo"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());
            String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(api + "uploads")).POST(HttpRequest.BodyPublishers.noBody())
                    .header("Tus-Resumable", "1.0.0").header("Upload-Length", "0");
            assertEquals(401, client.send(create.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> created = client.send(create.header("Authorization", "Bearer " + accessToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            long keycloak = Long.parseLong(Files.readString(work.resolve(".run/keycloak/keycloak.pid")).trim());
            assertTrue(Files.isDirectory(work.resolve("media").resolve("videos")), "the media root it was given");

            List<ProcessHandle> started = run.descendants().toList();
            // Debian's redis-server is a link to redis-check-rdb: the process's executable has either name
            assertTrue(started.stream().anyMatch(p -> p.info().command().orElse("").contains("/redis-")),
                    "a private redis-server among " + describe(started));
            assertTrue(started.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar")),
                    "the WildFly JVM among " + describe(started));

            run.destroy(); // SIGTERM, as systemd or kill sends it
            assertTrue(run.waitFor(90, TimeUnit.SECONDS), "bin/run stopped on SIGTERM");
            Instant deadline = Instant.now().plusSeconds(30);
            while (started.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertEquals(List.of(), started.stream().filter(ProcessHandle::isAlive).map(BinRunIT::describe).toList(),
                    "nothing bin/run started outlives it");
            // Keycloak runs in a session of its own (it must survive its start script), so it is no descendant
            while (ProcessHandle.of(keycloak).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertTrue(ProcessHandle.of(keycloak).map(p -> !p.isAlive()).orElse(true), "the demo Keycloak stopped too");
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            Path pid = work.resolve(".run/keycloak/keycloak.pid");
            if (Files.exists(pid)) { // a failed assertion must not leave the demo Keycloak behind
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void binRunHelpListsTheOptions() throws Exception {
        Path root = Path.of(System.getProperty("vault.project.root"));
        Process help = new ProcessBuilder(root.resolve("bin/run").toString(), "--help").redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, help.waitFor());
        for (String option : new String[]{"--bind", "--http-port", "--management-port", "--media-root", "--redis-port",
                "--keycloak-port", "--public-host"}) {
            assertTrue(text.contains(option), text);
        }
    }

    private static void awaitStatus(String url, String method, int status, Process run, Path output) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!run.isAlive()) {
                throw new AssertionError("bin/run exited with " + run.exitValue() + ":\n" + Files.readString(output));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("bin/run did not serve " + url + " in time:\n" + Files.readString(output));
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().command().map(c -> new File(c).getName()).orElse("?");
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(BinRunIT::describe).toList().toString();
    }
}
