package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roles table of the README, one test per row, with real users of the run's Keycloak (WildFly reads
 * roles from MicroProfile JWT's groups claim, Payara from Keycloak's realm_access.roles). A missing role
 * is a 403 naming the role needed; the services refuse, whichever resource calls them.
 */
class RolesIT extends VaultIT {

    @Test
    void anUploaderUploadsFinalizesAndSignsItsOwnButNeitherAuditsNorOperates() {
        String video = AsUser.video("alice", "");
        assertEquals(200, AsUser.sign("alice", video, "metadata").statusCode());
        assertForbidden(Http.as("alice", "GET", "audit/verify", null), "auditor");
        assertForbidden(Http.as("alice", "GET", "admin/transcodes", null), "admin");
    }

    @Test
    void aViewerSignsItsTeamsVideosButUploadsNothing() {
        String video = AsUser.video("alice", ""); // alice and carol are both in cardiology
        assertEquals(200, AsUser.sign("carol", video, "metadata").statusCode());
        assertForbidden(AsUser.createUpload("carol", 10), "uploader or clinical-app");
        assertForbidden(Http.postJson("carol", "uploads/finalize", "{\"uploadId\":\"3d0f5a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6\"}"),
                "uploader or clinical-app");
        assertForbidden(Http.as("carol", "GET", "admin/transcodes", null), "admin");
    }

    @Test
    void aClinicalAppUploadsFinalizesForAClinicianAndSignsAnyVideo() {
        String bobs = AsUser.video("bob", "");
        assertEquals(200, AsUser.sign(Tokens.CLINICAL_APP, bobs, "metadata").statusCode());
        String forAlice = AsUser.video(Tokens.CLINICAL_APP, ",\"onBehalfOf\":\"" + Tokens.subjectOf("alice") + "\"");
        assertEquals(200, AsUser.sign(Tokens.CLINICAL_APP, forAlice, "metadata").statusCode());
        assertForbidden(Http.as(Tokens.CLINICAL_APP, "GET", "audit/verify", null), "auditor");
    }

    @Test
    void anAuditorVerifiesTheTrailButSeesNoMedia() {
        String video = AsUser.video(Tokens.OPERATOR, "");
        HttpResponse<String> verify = Http.as("erin", "GET", "audit/verify?category=upload", null);
        assertEquals(200, verify.statusCode(), verify::body);
        assertTrue(Http.json(verify).getBoolean("ok"));
        assertForbidden(AsUser.sign("erin", video, "metadata"), "uploader or viewer or clinical-app");
        assertForbidden(AsUser.createUpload("erin", 10), "uploader or clinical-app");
        assertForbidden(Http.as("erin", "GET", "admin/transcodes", null), "admin");
    }

    @Test
    void anAdminOperatesTheQueueButSeesNoMediaUnlessAlsoAViewer() {
        String video = AsUser.video("alice", "");
        HttpResponse<String> overview = Http.as("frank", "GET", "admin/transcodes", null);
        assertEquals(200, overview.statusCode(), overview::body);
        assertForbidden(AsUser.sign("frank", video, "metadata"), "uploader or viewer or clinical-app");
        assertForbidden(Http.as("frank", "GET", "audit/verify", null), "auditor");
        assertEquals(200, AsUser.sign("grace", video, "metadata").statusCode(), "admin and viewer in cardiology");
    }

    @Test
    void onlyAClinicalAppFinalizesOnBehalfOfSomeoneElse() {
        String url = AsUser.upload("alice", UploadDurabilityIT.random(100));
        assertForbidden(AsUser.finalizeUpload("alice", url, ",\"onBehalfOf\":\"" + Tokens.subjectOf("bob") + "\""), "clinical-app");
    }

    @Test
    void aRefusalIsAuditedWithThePseudonymOfWhoAsked() throws Exception {
        assertForbidden(Http.as("frank", "GET", "audit/verify", null), "auditor");
        String frank = AsUser.pseudonym(Tokens.subjectOf("frank"));
        String last = AsUser.auditLines("admin").stream().filter(l -> l.contains("\"action\":\"audit.verify\"")).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("\"actor\":\"" + frank + "\"") && last.contains("\"outcome\":\"failure\""), last);
        assertTrue(last.contains("\"app\":\"pulsevault-tests\""), last);
    }

    static void assertForbidden(HttpResponse<String> r, String role) {
        JsonObject problem = assertProblem(r, 403, "forbidden");
        assertEquals(role, problem.getString("requiredRole"), r.body());
        assertTrue(problem.getString("detail").contains(role), problem.toString());
    }
}
