package com.pulsevault.identity;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roles table of the README, one row per test, and the ownership and team rules. */
class AccessRulesTest {

    static Caller caller(String subject, Set<Role> roles, String... teams) {
        return new Caller(subject, "user:" + subject, roles, Set.of(teams), "app", null);
    }

    static final Caller ALICE = caller("alice", EnumSet.of(Role.UPLOADER), "cardiology");
    static final Caller CAROL = caller("carol", EnumSet.of(Role.VIEWER), "cardiology");
    static final Caller DAVE = caller("dave", EnumSet.of(Role.VIEWER), "neurology");
    static final Caller EHR = caller("ehr", EnumSet.of(Role.CLINICAL_APP));
    static final Caller ERIN = caller("erin", EnumSet.of(Role.AUDITOR), "cardiology");
    static final Caller FRANK = caller("frank", EnumSet.of(Role.ADMIN), "cardiology");
    static final Caller GRACE = caller("grace", EnumSet.of(Role.ADMIN, Role.VIEWER), "cardiology");

    @Test
    void anUploaderUploadsAndSeesItsOwnVideosAndItsTeams() {
        assertTrue(ALICE.hasAny(AccessRules.UPLOADING));
        assertTrue(AccessRules.maySee(ALICE, "alice", Set.of()));
        assertTrue(AccessRules.maySee(ALICE, "bob", Set.of("cardiology")));
        assertFalse(AccessRules.maySee(ALICE, "bob", Set.of("neurology")));
        assertFalse(ALICE.hasAny(AccessRules.TRUSTED_APP) || ALICE.hasAny(AccessRules.AUDIT) || ALICE.hasAny(AccessRules.OPERATIONS));
    }

    @Test
    void aViewerSeesItsTeamsVideosAndUploadsNothing() {
        assertTrue(AccessRules.maySee(CAROL, "alice", Set.of("cardiology")));
        assertFalse(AccessRules.maySee(DAVE, "alice", Set.of("cardiology")));
        assertFalse(CAROL.hasAny(AccessRules.UPLOADING));
        assertFalse(AccessRules.mayUseUpload(CAROL, "carol"));
    }

    @Test
    void aClinicalAppUploadsActsForCliniciansAndSeesEveryVideo() {
        assertTrue(EHR.hasAny(AccessRules.UPLOADING));
        assertTrue(EHR.hasAny(AccessRules.TRUSTED_APP));
        assertTrue(AccessRules.maySee(EHR, "alice", Set.of("neurology")));
        assertTrue(AccessRules.maySee(EHR, null, Set.of()), "even a video from before owners were kept");
    }

    @Test
    void anAuditorAuditsAndSeesNoMedia() {
        assertTrue(ERIN.hasAny(AccessRules.AUDIT));
        assertFalse(AccessRules.maySee(ERIN, "erin", Set.of("cardiology")));
        assertFalse(ERIN.hasAny(AccessRules.MEDIA));
    }

    @Test
    void anAdminOperatesAndSeesNoMediaUnlessAlsoAViewer() {
        assertTrue(FRANK.hasAny(AccessRules.OPERATIONS));
        assertFalse(FRANK.hasAny(AccessRules.AUDIT));
        assertFalse(AccessRules.maySee(FRANK, "alice", Set.of("cardiology")));
        assertTrue(AccessRules.maySee(GRACE, "alice", Set.of("cardiology")));
    }

    @Test
    void anUploadAnswersOnlyToTheSubjectThatCreatedIt() {
        assertTrue(AccessRules.mayUseUpload(ALICE, "alice"));
        assertTrue(AccessRules.mayUseUpload(caller("alice", EnumSet.of(Role.UPLOADER), "other-team"), "alice"),
                "a fresh token of the same subject");
        assertFalse(AccessRules.mayUseUpload(caller("bob", EnumSet.of(Role.UPLOADER), "cardiology"), "alice"));
        assertFalse(AccessRules.mayUseUpload(EHR, "alice"), "not even a clinical app");
        assertFalse(AccessRules.mayUseUpload(ALICE, null), "an upload from before owners were kept");
    }

    @Test
    void aVideoGetsTheCallersTeamsOrASubsetOfThem() {
        Caller two = caller("al", EnumSet.of(Role.UPLOADER), "cardiology", "icu");
        assertEquals(Set.of("cardiology", "icu"), AccessRules.teamsFor(two, null, false));
        assertEquals(Set.of("icu"), AccessRules.teamsFor(two, Set.of("icu"), false));
        assertEquals(Set.of(), AccessRules.teamsFor(two, Set.of(), false), "shared with no team: the owner alone");
        assertNull(AccessRules.teamsFor(two, Set.of("neurology"), false));
        assertEquals(Set.of("neurology"), AccessRules.teamsFor(EHR, Set.of("neurology"), false), "a clinical app names any");
    }

    @Test
    void aVideoFinalizedOnBehalfOfAClinicianGetsOnlyTheTeamsTheAppNames() {
        Caller app = caller("svc-ehr", EnumSet.of(Role.CLINICAL_APP), "integration");
        assertEquals(Set.of(), AccessRules.teamsFor(app, null, true), "not the app's own teams");
        assertEquals(Set.of("cardiology"), AccessRules.teamsFor(app, Set.of("cardiology"), true));
    }

    @Test
    void withoutAnyMediaRoleNothingIsVisibleEvenToItsOwner() {
        Caller noRoles = caller("alice", EnumSet.noneOf(Role.class), "cardiology");
        assertFalse(AccessRules.maySee(noRoles, "alice", Set.of("cardiology")));
    }

    @Test
    void theOwnerOrAnAdminDeletesNotItsTeamsNorAClinicalApp() {
        assertTrue(AccessRules.mayDelete(ALICE, "alice"));
        assertTrue(AccessRules.mayDelete(FRANK, "alice"), "an admin needs no media role to delete");
        assertFalse(AccessRules.mayDelete(CAROL, "alice"));
        assertFalse(AccessRules.mayDelete(EHR, "alice"));
        assertFalse(AccessRules.mayDelete(ERIN, "alice"));
    }

    @Test
    void theHistoryIsForTheOwnerAnAuditorOrAnAdmin() {
        assertTrue(AccessRules.mayReadHistory(ALICE, "alice"));
        assertTrue(AccessRules.mayReadHistory(ERIN, "alice"));
        assertTrue(AccessRules.mayReadHistory(FRANK, "alice"));
        assertFalse(AccessRules.mayReadHistory(CAROL, "alice"), "a team member watches, it does not audit");
        assertFalse(AccessRules.mayReadHistory(EHR, "alice"));
    }
}
