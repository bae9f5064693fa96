package com.pulsevault.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in a real browser (Debian Chromium driven by playwright-core: src/test/browser/console.mjs)
 * against the real Keycloak: sign-in on Keycloak's own page, upload, library with live status, player,
 * editing with a conflict, history, another team, the auditor's verification, operations. One browser run
 * (before the tests) records what the console did; each test asserts one promise on that record.
 * Screenshots of every page are kept in target/console/&lt;server&gt;/ for a reviewer.
 * <p>
 * On WildFly only: the console is the same static files on Payara (ConsoleFilesIT checks they are served
 * there, with the same headers), and a second browser run would add a minute and a half to every CI run.
 */
class ConsoleIT extends VaultIT {

    static final String SERVER = System.getProperty("vault.server", "wildfly");
    static final String MARKER = "zq" + UUID.randomUUID().toString().substring(0, 8);
    static final String FILE_NAME = "pvfile-" + MARKER + ".mp4";

    @TempDir
    static Path clips;
    static JsonObject run;

    @BeforeAll
    static void driveTheConsole() throws Exception {
        assumeTrue("wildfly".equals(SERVER), "the browser run is on WildFly only (see the class comment)");
        Path clip = Clips.generate(clips, "console.mp4", "640x360", 4, false);
        Path out = Path.of(System.getProperty("vault.ear")).getParent().resolve("console").resolve(SERVER);
        JsonObject settings = Json.createObjectBuilder()
                .add("base", "http://127.0.0.1:" + Http.PORT + "/pulsevault/")
                .add("api", Http.API)
                .add("issuer", Tokens.ISSUER)
                .add("clip", clip.toString())
                .add("fileName", FILE_NAME)
                .add("marker", MARKER)
                .add("auditLog", FinalizeIT.todaysUploadLog().toString())
                .add("out", out.toString())
                .add("apiClient", "pulsevault-tests")
                .add("password", Json.createObjectBuilder().add("alice", "alice-pw").add("dave", "dave-pw")
                        .add("erin", "erin-pw").add("frank", "frank-pw"))
                .build();
        Process p = new ProcessBuilder("node", "console.mjs", settings.toString())
                .directory(new File(System.getProperty("vault.browser.dir")))
                .redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the browser run did not end");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        String last = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(text));
        run = Json.createReader(new StringReader(last)).readObject();
        System.out.println("console run: errors " + run.getJsonArray("errors") + ", browser console " + run.getJsonArray("consoleErrors"));
    }

    static JsonValue step(String name) {
        JsonValue v = run.getJsonObject("steps").get(name);
        assertNotNull(v, "step " + name + " did not run; errors: " + run.getJsonArray("errors"));
        assertFalse(v == JsonValue.FALSE, "step " + name + " failed: " + run.getJsonArray("errors"));
        return v;
    }

    @Test
    void aClinicianSignsInOnTheIdentityProvidersOwnPageAndSeesHerPages() {
        List<String> nav = strings(step("signedIn").asJsonArray());
        assertEquals(List.of("Library", "Upload"), nav);
    }

    @Test
    void anUploadShowsItsProgressReaching100Percent() {
        assertTrue(((JsonString) step("uploadReached100")).getString().startsWith("100 %"), step("uploadReached100").toString());
        assertNotNull(run.getString("videoId", null));
    }

    @Test
    void anUploadCutOffByAReloadContinuesWhereItStoppedWhenTheFileIsChosenAgain() {
        JsonObject resumed = step("uploadResumesAfterAReload").asJsonObject();
        assertTrue(resumed.getString("notice").contains("Continuing"), resumed.toString());
        List<JsonObject> requests = resumed.getJsonArray("requests").stream().map(JsonValue::asJsonObject).toList();
        assertFalse(requests.stream().anyMatch(r -> r.getString("method").equals("POST")), "a new upload was created: " + requests);
        JsonObject firstPatch = requests.stream().filter(r -> r.getString("method").equals("PATCH")).findFirst().orElseThrow();
        assertTrue(Long.parseLong(firstPatch.getString("offset")) > 0, "resumed from 0: " + requests);
    }

    @Test
    void theLibraryShowsTheVideoReachTranscodedWithoutAReload() {
        JsonObject library = step("libraryShowsTranscodedWithoutReload").asJsonObject();
        List<String> statuses = strings(library.getJsonArray("statuses"));
        assertTrue(statuses.contains("transcoded"), statuses.toString());
        assertTrue(statuses.size() >= 2, "the card changed status in place: " + statuses);
        assertTrue(library.getBoolean("sameDocument"), "the page was reloaded");
    }

    @Test
    void aSearchFindsTheVideoAndLeavesTheAddressAlone() {
        String url = ((JsonString) step("searchFindsByMarker")).getString();
        assertFalse(url.contains(MARKER), url);
    }

    @Test
    void thePlayerPlaysAndItsQualityMenuListsTheRungs() {
        List<String> rungs = strings(step("playerPlays").asJsonObject().getJsonArray("rungs"));
        assertEquals("Auto", rungs.get(0));
        assertTrue(rungs.size() >= 3, "at least two rungs besides Auto: " + rungs);
    }

    @Test
    void anEditSomeoneElseSavedFirstIsShownAsAConflict() {
        assertTrue(((JsonString) step("conflictShown")).getString().contains("Someone else saved"));
        step("editSavedAfterReload");
    }

    @Test
    void theHistoryListsUploadFinalizeTranscodeAndUpdate() {
        List<String> actions = strings(step("history").asJsonArray());
        for (String action : List.of("upload.create", "upload.finalize", "transcode.success", "video.update")) {
            assertTrue(actions.contains(action), action + " missing from " + actions);
        }
        assertTrue(actions.indexOf("upload.finalize") < actions.indexOf("transcode.success"), "in time order: " + actions);
    }

    @Test
    void aViewerOfAnotherTeamDoesNotSeeTheVideo() {
        JsonObject other = step("otherTeamSeesNothing").asJsonObject();
        assertEquals(0, other.getInt("inList"));
        assertTrue(other.getString("message").contains("no such video"), other.toString());
    }

    @Test
    void theAuditorsVerificationIsGreenThenNamesTheBreakAfterALineIsEdited() {
        JsonArray rows = step("auditGreen").asJsonArray();
        assertFalse(rows.isEmpty());
        rows.forEach(r -> assertEquals("true", r.asJsonObject().getString("ok"), rows.toString()));
        JsonObject red = step("auditRedAfterTampering").asJsonObject();
        JsonObject broken = red.getJsonArray("broken").getJsonObject(0);
        assertEquals("upload", broken.getString("chain"));
        String where = broken.getString("text");
        assertTrue(where.contains("hash-mismatch") && where.contains("line " + red.getInt("editedLine")), where);
    }

    @Test
    void anAdminSeesTheQueueAndTheCatalog() {
        JsonObject ops = step("operations").asJsonObject();
        assertEquals(List.of("Operations"), strings(ops.getJsonArray("nav")));
        assertEquals("current", ops.getString("state").trim());
        step("signOut");
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithoutSigningInAgain() {
        JsonObject renewal = step("renewsAnExpiredToken").asJsonObject();
        assertTrue(renewal.getInt("renewals") >= 1, renewal.toString());
        assertTrue(renewal.getInt("signedIn") > 0, renewal.toString());
    }

    @Test
    void theConsoleWorksOnATabletInPortrait() {
        assertFalse(step("tabletPortrait").asJsonObject().getBoolean("horizontalScroll"));
    }

    @Test
    void aPageOpensWithTheFocusOnItsHeadingAndTabMovesOnInOrder() {
        JsonObject keys = step("keyboardOnly").asJsonObject();
        assertEquals("H1 Library", keys.getString("first"));
        assertTrue(keys.getString("second").startsWith("search Search"), keys.toString());
    }

    @Test
    void noRequestCarriedATitleAFileNameOrSearchTextInItsUrl() {
        JsonArray requests = run.getJsonArray("requests");
        assertTrue(requests.size() > 20, "requests were recorded");
        for (JsonValue r : requests) {
            String url = r.asJsonObject().getString("url");
            assertFalse(url.contains(MARKER) || url.contains("pvfile") || url.contains("Knee"), url);
        }
        for (JsonValue u : run.getJsonArray("navigations")) {
            assertFalse(((JsonString) u).getString().contains(MARKER), "browser history: " + u);
        }
        for (JsonValue t : run.getJsonArray("titles")) {
            String title = ((JsonString) t).getString();
            assertFalse(title.contains(MARKER) || title.contains("Knee"), "document title: " + title);
        }
    }

    @Test
    void noRequestLeftForAnotherHostThanTheVaultAndTheIdentityProvider() {
        Set<String> allowed = Set.of(origin("http://127.0.0.1:" + Http.PORT + "/"), origin(Tokens.ISSUER));
        Set<String> seen = run.getJsonArray("requests").stream()
                .map(r -> r.asJsonObject().getString("url"))
                .filter(u -> u.startsWith("http"))
                .map(ConsoleIT::origin).collect(Collectors.toSet());
        assertTrue(allowed.containsAll(seen), "other hosts: " + seen);
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
        JsonObject axe = run.getJsonObject("axe");
        assertTrue(axe.keySet().containsAll(Set.of("library", "upload", "player", "details", "audit", "operations", "other-team")),
                axe.keySet().toString());
        axe.forEach((page, violations) -> assertTrue(violations.asJsonArray().isEmpty(), page + ": " + violations));
        for (String page : axe.keySet()) {
            assertTrue(Files.exists(Path.of(System.getProperty("vault.ear")).getParent().resolve("console").resolve(SERVER)
                    .resolve(page + ".png")), "screenshot of " + page);
        }
    }

    @Test
    void theContentSecurityPolicyRefusedNothingTheConsoleDid() {
        List<String> errors = strings(run.getJsonArray("consoleErrors"));
        assertFalse(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), errors.toString());
    }

    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    static List<String> strings(JsonArray a) {
        return a.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
    }
}
