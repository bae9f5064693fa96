package com.pulsevault.docker;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What can be checked of the docker/ stack without a Docker engine: the compose file parses and
 * everything it refers to exists (build contexts, Dockerfiles and what they COPY, mounted files,
 * named volumes, networks, services), promtool accepts the Prometheus config and the alert rules
 * pass their unit tests, and the Grafana dashboard uses the provisioned datasources and only the
 * vault's metric names. nginx's config is run for real by NginxFrontIT.
 */
class DockerStackTest {

    static final Path DOCKER = Path.of(System.getProperty("vault.docker.dir", "../docker")).toAbsolutePath().normalize();
    static final Path REPO = DOCKER.getParent();

    /** The metric names both servers expose (Micrometer on WildFly, MicroProfile Metrics on Payara). */
    static final Set<String> METRICS = Set.of("pulsevault_uploads_total", "pulsevault_upload_bytes_total",
            "pulsevault_upload_size_bytes", "pulsevault_finalize_duration_seconds", "pulsevault_transcode_duration_seconds",
            "pulsevault_transcodes_total", "pulsevault_queue_length", "pulsevault_media_requests_total",
            "pulsevault_token_rejections_total");
    /** Host paths a service may mount from outside the repository. */
    static final Set<String> HOST_PATHS = Set.of("/var/run/docker.sock");

    static Map<String, Object> compose;
    static Map<String, Object> services;

    @BeforeAll
    static void parseCompose() throws IOException {
        compose = yaml(DOCKER.resolve("docker-compose.yml"));
        services = map(compose.get("services"), "services");
    }

    @Test
    void theStackHasEveryServiceItPromises() {
        assertTrue(services.keySet().containsAll(List.of("redis", "vault", "worker", "nginx", "prometheus", "grafana", "loki", "promtail")),
                services.keySet().toString());
    }

    @Test
    void buildContextsDockerfilesAndWhatTheyCopyExist() throws IOException {
        int builds = 0;
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> s = map(service.getValue(), service.getKey());
            Object build = s.get("build");
            if (build == null) {
                String image = (String) s.get("image");
                assertNotNull(image, service.getKey() + " has neither build nor image");
                assertTrue(image.matches("[^:]+:[^:]+") && !image.endsWith(":latest"), service.getKey() + ": pin a version: " + image);
                continue;
            }
            builds++;
            Map<String, Object> b = build instanceof String ? Map.of("context", build) : map(build, service.getKey() + ".build");
            Path context = inRepo(DOCKER.resolve((String) b.get("context")), service.getKey() + " build context");
            assertTrue(Files.isDirectory(context), service.getKey() + ": no build context " + context);
            Path dockerfile = context.resolve((String) b.getOrDefault("dockerfile", "Dockerfile"));
            assertTrue(Files.isRegularFile(dockerfile), service.getKey() + ": no Dockerfile " + dockerfile);
            checkDockerfile(service.getKey(), context, dockerfile);
        }
        assertTrue(builds >= 2, "the vault images are built from this repository");
    }

    /** COPY/ADD sources exist (or are what `mvn package` builds) and survive .dockerignore; the image runs as a user with a health check. */
    static void checkDockerfile(String service, Path context, Path dockerfile) throws IOException {
        List<String> instructions = instructions(dockerfile);
        List<String> reincluded = Files.readAllLines(context.resolve(".dockerignore")).stream()
                .map(String::trim).filter(l -> l.startsWith("!")).map(l -> l.substring(1).replaceAll("/$", "")).toList();
        for (String line : instructions) {
            String[] words = line.trim().split("\\s+");
            String op = words[0].toUpperCase();
            if (!(op.equals("COPY") || op.equals("ADD")) || line.contains("--from=")) {
                continue;
            }
            List<String> args = Stream.of(words).skip(1).filter(w -> !w.startsWith("--")).toList();
            for (String source : args.subList(0, args.size() - 1)) {
                if (source.startsWith("http")) {
                    continue;
                }
                Path path = context.resolve(source).normalize();
                boolean buildOutput = source.contains("/target/");
                assertTrue(Files.exists(path) || buildOutput, service + ": " + dockerfile + " copies the missing " + source);
                assertTrue(reincluded.stream().anyMatch(r -> source.equals(r) || source.startsWith(r + "/")),
                        service + ": " + source + " is excluded by .dockerignore");
            }
        }
        String last = instructions.stream().filter(l -> l.toUpperCase().startsWith("USER ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(dockerfile + " never leaves root"));
        assertFalse(last.matches("(?i)USER\\s+(root|0)(:.*)?"), dockerfile + " runs as root");
        assertTrue(instructions.stream().anyMatch(l -> l.toUpperCase().startsWith("HEALTHCHECK ")), dockerfile + " has no HEALTHCHECK");
    }

    @Test
    void everyMountedFileAndNamedVolumeExists() {
        Set<String> declared = map(compose.getOrDefault("volumes", Map.of()), "volumes").keySet();
        Set<String> used = new TreeSet<>();
        int binds = 0;
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> s = map(service.getValue(), service.getKey());
            for (Object v : list(s.getOrDefault("volumes", List.of()))) {
                String source;
                if (v instanceof String short_) {
                    String[] parts = short_.split(":");
                    assertTrue(parts.length >= 2, service.getKey() + ": anonymous volume " + short_);
                    source = parts[0];
                } else {
                    source = String.valueOf(map(v, service.getKey() + ".volumes").get("source"));
                }
                if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
                    binds++;
                    if (source.startsWith("/")) {
                        assertTrue(HOST_PATHS.contains(source), service.getKey() + " mounts the host path " + source);
                    } else {
                        Path path = inRepo(DOCKER.resolve(source), service.getKey() + " mount");
                        assertTrue(Files.exists(path), service.getKey() + " mounts " + source + ", which is not in the repository");
                    }
                } else {
                    used.add(source);
                    assertTrue(declared.contains(source), service.getKey() + " uses the undeclared volume " + source);
                }
            }
            for (String key : new String[]{"env_file"}) {
                Object files = s.get(key);
                if (files != null) {
                    for (Object f : files instanceof List<?> l ? l : List.of(files)) {
                        assertTrue(Files.exists(DOCKER.resolve(String.valueOf(f))), service.getKey() + ": missing " + f);
                    }
                }
            }
        }
        assertTrue(binds >= 10, "the configuration files are mounted from docker/");
        assertEquals(new TreeSet<>(declared), used, "declared volumes that no service uses");
    }

    @Test
    void dependenciesAndNetworksReferToWhatExists() {
        Set<String> networks = map(compose.getOrDefault("networks", Map.of()), "networks").keySet();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> s = map(service.getValue(), service.getKey());
            Object deps = s.getOrDefault("depends_on", List.of());
            for (Object d : deps instanceof Map<?, ?> m ? m.keySet() : list(deps)) {
                assertTrue(services.containsKey(String.valueOf(d)), service.getKey() + " depends on the unknown " + d);
            }
            Object nets = s.getOrDefault("networks", List.of());
            for (Object n : nets instanceof Map<?, ?> m ? m.keySet() : list(nets)) {
                assertTrue(networks.contains(String.valueOf(n)), service.getKey() + " joins the undeclared network " + n);
            }
        }
    }

    @Test
    void theApiNodeDoesNotTranscodeTheWorkerDoesAndBothShareTheMediaVolume() throws IOException {
        assertEquals("false", env("vault").get("PULSEVAULT_TRANSCODE_ENABLED"));
        assertEquals("true", env("worker").get("PULSEVAULT_TRANSCODE_ENABLED"));
        assertEquals("true", env("vault").get("PULSEVAULT_HTTP_TRUST_FORWARDED_HEADERS"), "vault sits behind nginx");
        for (String node : new String[]{"vault", "worker"}) {
            assertTrue(list(map(services.get(node), node).get("volumes")).contains("media:/var/lib/pulsevault"), node);
            assertNotNull(env(node).get("PULSEVAULT_HMAC_SECRET"), node + ": nodes must share the signing key");
        }
        // every PULSEVAULT_* variable the stack sets is one the README documents (a typo would be silently ignored)
        String readme = Files.readString(REPO.resolve("README.md"));
        Set<String> documented = new HashSet<>();
        Matcher m = Pattern.compile("`(PULSEVAULT_[A-Z_]+)`").matcher(readme);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertTrue(documented.size() > 20, "the README's configuration table");
        for (String service : services.keySet()) {
            for (String name : env(service).keySet()) {
                if (name.startsWith("PULSEVAULT_") && !name.equals("PULSEVAULT_IMAGE_TAG")) {
                    assertTrue(documented.contains(name), service + " sets " + name + ", which the README does not know");
                }
            }
        }
    }

    @Test
    void promtoolAcceptsThePrometheusConfigAndTheAlertRulesPassTheirTests() throws Exception {
        String config = promtool("check", "config", DOCKER.resolve("prometheus/prometheus.yml").toString());
        try (Stream<Path> rules = Files.list(DOCKER.resolve("prometheus/rules"))) {
            for (Path r : rules.toList()) {
                assertTrue(config.contains(r.getFileName().toString()), "promtool did not check " + r + ":\n" + config);
            }
        }
        try (Stream<Path> tests = Files.list(DOCKER.resolve("prometheus/tests"))) {
            for (Path t : tests.toList()) {
                promtool("test", "rules", t.toString());
            }
        }
        // scrape targets are services of the compose file
        Map<String, Object> prometheus = yaml(DOCKER.resolve("prometheus/prometheus.yml"));
        for (Object job : list(prometheus.get("scrape_configs"))) {
            for (Object sc : list(map(job, "job").getOrDefault("static_configs", List.of()))) {
                for (Object target : list(map(sc, "static_config").get("targets"))) {
                    String host = String.valueOf(target).split(":")[0];
                    assertTrue(host.equals("localhost") || services.containsKey(host), "scrape target " + target + " is no service");
                }
            }
        }
    }

    @Test
    void theDashboardUsesTheProvisionedDatasourcesAndOnlyTheVaultsMetrics() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Object ds : list(yaml(DOCKER.resolve("grafana/provisioning/datasources/pulsevault.yml")).get("datasources"))) {
            Map<String, Object> d = map(ds, "datasource");
            uids.add((String) d.get("uid"));
            String host = String.valueOf(d.get("url")).replaceAll("^https?://", "").split(":")[0];
            assertTrue(services.containsKey(host), "datasource " + d.get("name") + " points at " + host);
        }
        Map<String, Object> provider = map(list(yaml(DOCKER.resolve("grafana/provisioning/dashboards/pulsevault.yml")).get("providers")).get(0), "provider");
        String path = (String) map(provider.get("options"), "provider options").get("path");
        assertTrue(list(map(services.get("grafana"), "grafana").get("volumes")).contains("./grafana/dashboards:" + path + ":ro"),
                "the dashboard provider reads " + path + ", where docker/grafana/dashboards is mounted");

        JsonObject dashboard;
        try (Reader r = Files.newBufferedReader(DOCKER.resolve("grafana/dashboards/pulsevault.json"))) {
            dashboard = Json.createReader(r).readObject();
        }
        Set<String> metricsUsed = new TreeSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonValue v : dashboard.getJsonArray("panels")) {
            JsonObject panel = v.asJsonObject();
            titles.add(panel.getString("title"));
            if (panel.getString("type").equals("row")) {
                continue;
            }
            assertTrue(uids.contains(panel.getJsonObject("datasource").getString("uid")), panel.getString("title"));
            JsonArray targets = panel.getJsonArray("targets");
            assertFalse(targets.isEmpty(), panel.getString("title"));
            for (JsonValue t : targets) {
                String expr = t.asJsonObject().getString("expr");
                Matcher m = Pattern.compile("pulsevault_[a-z_]+").matcher(expr);
                while (m.find()) {
                    String name = m.group().replaceAll("_(histogram|sum|count|max)$", "");
                    assertTrue(METRICS.contains(name), panel.getString("title") + " uses the unknown metric " + m.group());
                    metricsUsed.add(name);
                }
            }
        }
        assertEquals(new TreeSet<>(METRICS), metricsUsed, "every vault metric is on the dashboard");
        assertTrue(titles.stream().anyMatch(t -> t.contains("4xx")) && titles.stream().anyMatch(t -> t.contains("5xx")), titles.toString());
    }

    @Test
    void lokiAndPromtailConfigsParseAndPromtailReadsTheMountedServerLogs() throws IOException {
        Map<String, Object> loki = yaml(DOCKER.resolve("loki/loki.yml"));
        assertEquals(3100, map(loki.get("server"), "server").get("http_listen_port"));
        Map<String, Object> promtail = yaml(DOCKER.resolve("promtail/promtail.yml"));
        String push = String.valueOf(map(list(promtail.get("clients")).get(0), "client").get("url"));
        assertTrue(push.startsWith("http://loki:3100/"), push);
        List<Object> mounts = list(map(services.get("promtail"), "promtail").get("volumes"));
        String config = Files.readString(DOCKER.resolve("promtail/promtail.yml"));
        Matcher m = Pattern.compile("__path__: (\\S+)/[^/\\s]+").matcher(config);
        int paths = 0;
        while (m.find()) {
            String dir = m.group(1);
            paths++;
            assertTrue(mounts.stream().anyMatch(v -> String.valueOf(v).contains(":" + dir + ":") || String.valueOf(v).endsWith(":" + dir)),
                    "promtail reads " + dir + ", which is not mounted");
        }
        assertEquals(2, paths, "the server logs of the vault and worker nodes");
    }

    // --- helpers -------------------------------------------------------------------------------

    static String promtool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("promtool"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("promtool is needed (Debian package prometheus; bin/test installs it)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    static Map<String, String> env(String service) {
        Object env = map(services.get(service), service).getOrDefault("environment", Map.of());
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else {
            for (Object e : list(env)) {
                String[] kv = String.valueOf(e).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return result;
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    static List<String> instructions(Path dockerfile) throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                result.add(current.toString().trim());
                current.setLength(0);
            }
        }
        return result;
    }

    static Path inRepo(Path path, String what) {
        Path p = path.normalize();
        assertTrue(p.startsWith(REPO), what + " leaves the repository: " + p);
        return p;
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        String text = Files.readString(file);
        Object parsed = new Yaml(new LoaderOptions()).load(new StringReader(text));
        return map(parsed, file.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        assertTrue(o instanceof Map, what + " is not a mapping");
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        assertTrue(o instanceof List, o + " is not a list");
        return (List<Object>) o;
    }
}
