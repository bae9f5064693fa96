package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.FileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static com.pulsevault.it.CatalogIT.ids;
import static com.pulsevault.it.CatalogIT.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The catalog index in a real PostgreSQL (the WildFly pass; the Payara pass keeps the server's H2 and
 * skips these): a database that fails an index write fails no finalize and is caught up; an index that
 * is dropped is filled again from the meta.json files.
 */
class CatalogRepairIT extends VaultIT {

    static Properties pg;

    @BeforeAll
    static void postgresql() throws IOException {
        assumeTrue(!Boolean.getBoolean("vault.postgresql.skip") && System.getProperty("vault.postgresql.dir") != null,
                "this pass keeps the catalog in the server's own H2: no PostgreSQL to break");
        pg = new Properties();
        try (FileReader in = new FileReader(Path.of(System.getProperty("vault.postgresql.dir"), "connection.properties").toFile())) {
            pg.load(in);
        }
    }

    /** Runs SQL as the vault's database user, with Debian's psql. */
    static void sql(String statement) throws Exception {
        Path psql;
        try (Stream<Path> bins = Files.list(Path.of("/usr/lib/postgresql"))) {
            psql = bins.max(Comparator.naturalOrder()).orElseThrow().resolve("bin/psql");
        }
        ProcessBuilder b = new ProcessBuilder(psql.toString(), "-v", "ON_ERROR_STOP=1", "-h", pg.getProperty("pulsevault.pg.host"),
                "-p", pg.getProperty("pulsevault.pg.port"), "-U", pg.getProperty("pulsevault.pg.user"),
                "-d", pg.getProperty("pulsevault.pg.database"), "-c", statement).redirectErrorStream(true);
        b.environment().put("PGPASSWORD", pg.getProperty("pulsevault.pg.password"));
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), statement + ": " + out);
    }

    static String catalogState() {
        return Http.json(Http.as("frank", "GET", "admin/catalog", null)).getString("index");
    }

    @Test
    void anIndexWriteThatFailsFailsNoFinalizeAndIsCaughtUp() throws Exception {
        Instant start = Instant.now();
        sql("ALTER TABLE pv_catalog RENAME TO pv_catalog_away");
        String video;
        try {
            video = AsUser.video("alice", ""); // asserts a 200
            var down = list("alice", "owner=me&uploadedFrom=" + start);
            Http.assertProblem(down, 503, "catalog-unavailable");
            assertEquals("10", Http.header(down, "Retry-After"));
            FinalizeIT.await(() -> !"current".equals(catalogState()), "the index to be marked behind");
            String ready = Http.json(Http.send("GET", Http.HEALTH + "ready", null)).getJsonArray("checks").stream()
                    .map(c -> c.asJsonObject()).filter(c -> c.getString("name").equals("catalog")).findFirst().orElseThrow()
                    .getJsonObject("data").getString("index");
            assertTrue(List.of("behind", "rebuilding").contains(ready), ready);
        } finally {
            sql("ALTER TABLE pv_catalog_away RENAME TO pv_catalog");
        }
        String finalized = video;
        FinalizeIT.await(() -> ids(list("alice", "owner=me&uploadedFrom=" + start)).contains(finalized), "the index to catch up");
        FinalizeIT.await(() -> "current".equals(catalogState()), "the catalog to be current again");
    }

    @Test
    void aDroppedIndexIsFilledAgainFromTheFilesAtTheNextStart() throws Exception {
        Instant start = Instant.now();
        List<String> videos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            videos.add(AsUser.video("bob", ""));
        }
        for (String v : videos) { // let the worker finish with them (random bytes: it gives up), so nothing moves meanwhile
            FinalizeIT.await(() -> "failed".equals(Http.json(Http.as("bob", "GET", "videos/" + v, null)).getString("status")), "the worker");
        }
        String beforeBody = list("bob", "owner=me&uploadedFrom=" + start).body();
        List<String> before = ids(list("bob", "owner=me&uploadedFrom=" + start));
        assertTrue(before.containsAll(videos), before.toString());
        JsonObject record = Http.json(Http.as("bob", "GET", "videos/" + videos.get(0), null));

        AppServer.current().undeploy();
        sql("DROP TABLE pv_catalog_meta; DROP TABLE pv_catalog");
        AppServer.current().deploy();

        FinalizeIT.await(() -> {
            var r = list("bob", "owner=me&uploadedFrom=" + start);
            return r.statusCode() == 200 && ids(r).equals(before);
        }, "the same answers from the rebuilt index");
        assertEquals(beforeBody, list("bob", "owner=me&uploadedFrom=" + start).body(), "every item as it was");
        assertEquals(record, Http.json(Http.as("bob", "GET", "videos/" + videos.get(0), null)));
    }
}
