package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.pulsevault.it.Http.assertProblem;
import static com.pulsevault.it.Http.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console as the server serves it: its files from the EAR, a strict policy, its public configuration, and what the API tells it. */
class ConsoleFilesIT extends VaultIT {

    static final String ROOT = "http://127.0.0.1:" + Http.PORT + "/pulsevault/";

    static HttpResponse<String> get(String path) {
        return Http.anonymous("GET", ROOT + path, null);
    }

    @Test
    void theContextRootServesTheConsolePageWithAStrictPolicy() {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(header(page, "Content-Type").startsWith("text/html"), header(page, "Content-Type"));
        String csp = header(page, "Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'self';") && csp.contains("script-src 'self';") && !csp.contains("unsafe"), csp);
        assertTrue(csp.contains("connect-src 'self' " + ConsoleIT.origin(Tokens.ISSUER)), csp);
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
        assertEquals("DENY", header(page, "X-Frame-Options"));
        assertEquals("no-referrer", header(page, "Referrer-Policy"));
    }

    @Test
    void thePageHasNoInlineScriptAndLoadsEveryFileFromTheVault() {
        String html = get("").body();
        Matcher script = Pattern.compile("<script([^>]*)>").matcher(html);
        int scripts = 0;
        while (script.find()) {
            scripts++;
            assertTrue(script.group(1).contains("src="), "inline script: " + script.group());
        }
        assertEquals(4, scripts);
        Matcher ref = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
        while (ref.find()) {
            String path = ref.group(1);
            assertFalse(path.contains("//"), "another host: " + path);
            HttpResponse<String> file = get(path);
            assertEquals(200, file.statusCode(), path);
            assertTrue(header(file, "Content-Security-Policy") != null, path);
        }
    }

    @Test
    void thePinnedLibrariesAreServedFromTheEar() {
        for (String lib : List.of("vendor/oidc-client-ts.min.js", "vendor/tus.min.js", "vendor/hls.min.js")) {
            HttpResponse<String> file = get(lib);
            assertEquals(200, file.statusCode(), lib);
            assertTrue(file.body().length() > 10_000, lib);
        }
    }

    @Test
    void aPathThatIsNoConsoleFileIsAProblemNotAContainerPage() {
        assertProblem(get("app/missing.js"), 404, "not-found");
        assertProblem(get("app/"), 404, "not-found");
        assertProblem(get("index.htm"), 404, "not-found");
        assertProblem(Http.anonymous("POST", ROOT, new byte[0]), 404, "not-found");
        assertProblem(Http.anonymous("PUT", ROOT + "app/main.js", new byte[0]), 404, "not-found");
    }

    @Test
    void theConsoleConfigurationIsPublicAndNamesTheIssuerAndClient() {
        HttpResponse<String> config = Http.anonymous("GET", Http.API + "console/config", null);
        assertEquals(200, config.statusCode(), config::body);
        JsonObject c = Http.json(config);
        assertEquals(Tokens.ISSUER, c.getString("issuer"));
        assertEquals("pulsevault-console", c.getString("clientId"));
        assertEquals("openid", c.getString("scope"));
    }

    @Test
    void meTellsAClinicianWhatSheMayDo() {
        JsonObject me = Http.json(Http.as("alice", "GET", Http.API + "me", null));
        assertEquals("uploader", me.getJsonArray("roles").getString(0));
        assertEquals("cardiology", me.getJsonArray("teams").getString(0));
        assertTrue(me.getString("actor").startsWith("user:"));
        JsonObject may = me.getJsonObject("may");
        assertTrue(may.getBoolean("watch") && may.getBoolean("upload"));
        assertFalse(may.getBoolean("audit") || may.getBoolean("operate") || may.getBoolean("legalHold"));
    }

    @Test
    void meTellsAnAuditorSheMayAuditAndNotWatch() {
        JsonObject may = Http.json(Http.as("erin", "GET", Http.API + "me", null)).getJsonObject("may");
        assertTrue(may.getBoolean("audit"));
        assertFalse(may.getBoolean("watch") || may.getBoolean("upload") || may.getBoolean("operate"));
    }

    @Test
    void meNeedsAToken() {
        assertProblem(Http.anonymous("GET", Http.API + "me", null), 401, "unauthenticated");
    }

    @Test
    void aVideoSaysWhatItsCallerMayDoWithIt() {
        String video = AsUser.video("alice", "");
        JsonObject owner = Http.json(Http.as("alice", "GET", Http.API + "videos/" + video, null)).getJsonObject("may");
        assertTrue(owner.getBoolean("edit") && owner.getBoolean("delete") && owner.getBoolean("history"));
        assertFalse(owner.getBoolean("legalHold"));
        JsonObject teammate = Http.json(Http.as("carol", "GET", Http.API + "videos/" + video, null)).getJsonObject("may");
        assertFalse(teammate.getBoolean("edit") || teammate.getBoolean("delete") || teammate.getBoolean("history"));
    }
}
