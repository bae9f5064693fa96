package com.pulsevault.identity;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.DayRange;
import com.pulsevault.video.VideoNotFoundException;
import com.pulsevault.upload.AppendRequest;
import com.pulsevault.upload.FinalizeRequest;
import com.pulsevault.upload.UploadInfo;
import com.pulsevault.upload.UploadMetadata;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's roles table, one row per test, enforced by the domain services themselves (called here
 * without any resource in front of them); the HTTP side of the same table is RolesIT.
 */
class ServiceRoleTableTest {

    @TempDir
    Path root;
    WiredServices vault;
    String cardiologyVideo;
    String neurologyVideo;

    static Caller caller(String subject, Set<Role> roles, String... teams) {
        return new Caller(subject, "user:" + subject, roles, Set.of(teams), "app", "10.0.0.0");
    }

    static final Caller ALICE = caller("alice", EnumSet.of(Role.UPLOADER), "cardiology");
    static final Caller CAROL = caller("carol", EnumSet.of(Role.VIEWER), "cardiology");
    static final Caller EHR = caller("svc-ehr", EnumSet.of(Role.CLINICAL_APP));
    static final Caller ERIN = caller("erin", EnumSet.of(Role.AUDITOR), "cardiology");
    static final Caller FRANK = caller("frank", EnumSet.of(Role.ADMIN), "cardiology");

    @BeforeEach
    void vault() throws Exception {
        vault = new WiredServices(root);
        cardiologyVideo = vault.video("bob", "cardiology");
        neurologyVideo = vault.video("dave", "neurology");
    }

    String completeUpload(Caller caller) {
        UploadInfo info = vault.uploadService.create(caller, 3L, UploadMetadata.empty());
        vault.uploadService.append(caller, info.id(), new AppendRequest(0, new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, null, null));
        return info.id().value();
    }

    void assertForbidden(String role, org.junit.jupiter.api.function.Executable call) {
        ForbiddenException e = assertThrows(ForbiddenException.class, call);
        assertTrue(e.requiredRoles().contains(role), e.requiredRoles());
    }

    @Test
    void anUploaderUploadsFinalizesAndSignsItsOwnAndItsTeamsVideosOnly() throws Exception {
        String upload = completeUpload(ALICE);
        String own = vault.finalizeService.finalizeUpload(ALICE, new FinalizeRequest(upload, "a.mp4", JsonObject.EMPTY_JSON_OBJECT, null, null)).videoId();
        assertEquals(List.of(own), vault.queued);
        vault.media.sign(ALICE, own, "metadata", 60L); // just finalized: no poster yet
        vault.media.sign(ALICE, cardiologyVideo, "poster.jpg", 60L);
        assertThrows(VideoNotFoundException.class, () -> vault.media.sign(ALICE, neurologyVideo, "poster.jpg", 60L));
        assertForbidden("clinical-app", () -> vault.finalizeService.finalizeUpload(ALICE,
                new FinalizeRequest(completeUpload(ALICE), null, JsonObject.EMPTY_JSON_OBJECT, null, "bob")));
        assertForbidden("auditor", () -> vault.auditReports.verify(ALICE, List.of(AuditCategory.UPLOAD), DayRange.parse(null, null)));
        assertForbidden("admin", () -> vault.operations.overview(ALICE));
    }

    @Test
    void aViewerSignsItsTeamsVideosAndUploadsNothing() {
        vault.media.sign(CAROL, cardiologyVideo, "poster.jpg", 60L);
        assertThrows(VideoNotFoundException.class, () -> vault.media.sign(CAROL, neurologyVideo, "poster.jpg", 60L));
        assertForbidden("uploader", () -> vault.uploadService.create(CAROL, 3L, UploadMetadata.empty()));
        assertForbidden("uploader", () -> vault.finalizeService.finalizeUpload(CAROL,
                new FinalizeRequest(completeUpload(ALICE), null, JsonObject.EMPTY_JSON_OBJECT, null, null)));
        assertForbidden("admin", () -> vault.operations.requeue(CAROL, cardiologyVideo));
    }

    @Test
    void aClinicalAppFinalizesOnBehalfOfAClinicianAndSignsAnyVideo() throws Exception {
        String upload = completeUpload(EHR);
        String video = vault.finalizeService.finalizeUpload(EHR, new FinalizeRequest(upload, null, JsonObject.EMPTY_JSON_OBJECT,
                null, "alice")).videoId();
        assertTrue(Files.readString(root.resolve("videos").resolve(video).resolve("meta.json")).contains("\"owner\":\"alice\""));
        vault.media.sign(EHR, cardiologyVideo, "poster.jpg", 60L);
        vault.media.sign(EHR, neurologyVideo, "poster.jpg", 60L);
        assertForbidden("auditor", () -> vault.auditReports.verify(EHR, List.of(AuditCategory.UPLOAD), DayRange.parse(null, null)));
        assertForbidden("admin", () -> vault.operations.overview(EHR));
    }

    @Test
    void anAuditorVerifiesTheTrailAndSeesNoMedia() throws Exception {
        vault.media.sign(CAROL, cardiologyVideo, "poster.jpg", 60L); // something in the trail
        assertTrue(vault.auditReports.verify(ERIN, List.of(AuditCategory.ACCESS), DayRange.parse(null, null)).get(0).ok());
        assertForbidden("viewer", () -> vault.media.sign(ERIN, cardiologyVideo, "poster.jpg", 60L));
        assertForbidden("uploader", () -> vault.uploadService.create(ERIN, 3L, UploadMetadata.empty()));
        assertForbidden("admin", () -> vault.operations.overview(ERIN));
    }

    @Test
    void anAdminOperatesTheQueueAndSeesNoMediaUnlessAlsoAViewer() {
        assertEquals(0, vault.operations.overview(FRANK).queueDepth());
        assertForbidden("viewer", () -> vault.media.sign(FRANK, cardiologyVideo, "poster.jpg", 60L));
        assertForbidden("auditor", () -> vault.auditReports.verify(FRANK, List.of(AuditCategory.UPLOAD), DayRange.parse(null, null)));
        Caller adminAndViewer = caller("frank", EnumSet.of(Role.ADMIN, Role.VIEWER), "cardiology");
        vault.media.sign(adminAndViewer, cardiologyVideo, "poster.jpg", 60L);
    }

    @Test
    void everyRefusalIsAuditedUnderTheCallersPseudonym() throws Exception {
        assertThrows(ForbiddenException.class, () -> vault.operations.overview(ERIN));
        assertThrows(VideoNotFoundException.class, () -> vault.media.sign(CAROL, neurologyVideo, "poster.jpg", 60L));
        assertTrue(vault.auditLog("admin").contains("\"actor\":\"user:erin\""), vault.auditLog("admin"));
        assertTrue(vault.auditLog("admin").contains("forbidden: needs admin"), vault.auditLog("admin"));
        assertTrue(vault.auditLog("access").contains("\"detail\":\"not-visible\""), vault.auditLog("access"));
    }
}
