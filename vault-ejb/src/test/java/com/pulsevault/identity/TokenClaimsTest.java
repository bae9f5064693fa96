package com.pulsevault.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token shapes of the identity providers hospitals run, read into one Caller. */
class TokenClaimsTest {

    /** A Keycloak access token: realm roles in realm_access.roles, and (with the mapper) in groups too. */
    static final JsonObject KEYCLOAK = Json.createObjectBuilder()
            .add("sub", "0b6e1c7a-0000-4000-8000-000000000001")
            .add("azp", "pulsevault-console")
            .add("groups", Json.createArrayBuilder().add("uploader").add("offline_access").add("default-roles-pulsevault"))
            .add("realm_access", Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("viewer").add("uma_authorization")))
            .add("teams", Json.createArrayBuilder().add("/cardiology").add("icu"))
            .build();

    /** An Entra ID access token: app roles in roles, the app in azp (v2) or appid (v1). */
    static final JsonObject ENTRA = Json.createObjectBuilder()
            .add("sub", "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")
            .add("appid", "11111111-2222-3333-4444-555555555555")
            .add("roles", Json.createArrayBuilder().add("clinical-app"))
            .build();

    static Caller read(String rolesClaim, String teamsClaim, JsonObject token) {
        return new TokenClaims(rolesClaim, teamsClaim).caller(token::get, subject -> "user:" + subject.length(), "10.1.2.0");
    }

    @Test
    void rolesComeFromTheMicroProfileJwtGroupsClaimByDefault() {
        Caller c = read("groups", "teams", KEYCLOAK);
        assertEquals(EnumSet.of(Role.UPLOADER), c.roles());
    }

    @Test
    void rolesComeFromKeycloaksRealmAccessRolesWhenConfigured() {
        Caller c = read("realm_access.roles", "teams", KEYCLOAK);
        assertEquals(EnumSet.of(Role.VIEWER), c.roles());
    }

    @Test
    void rolesComeFromEntraIdsRolesClaimWhenConfigured() {
        Caller c = read("roles", "groups", ENTRA);
        assertEquals(EnumSet.of(Role.CLINICAL_APP), c.roles());
        assertEquals(Set.of(), c.teams());
    }

    @Test
    void rolesTheVaultDoesNotKnowMeanNothing() {
        JsonObject token = Json.createObjectBuilder().add("sub", "s")
                .add("groups", Json.createArrayBuilder().add("offline_access").add("superuser").add("Admin")).build();
        assertEquals(Set.of(), read("groups", "teams", token).roles());
    }

    @Test
    void teamsLoseKeycloaksLeadingSlash() {
        assertEquals(Set.of("cardiology", "icu"), read("groups", "teams", KEYCLOAK).teams());
    }

    @Test
    void theClientIdIsAzpElseClientId() {
        assertEquals("pulsevault-console", read("groups", "teams", KEYCLOAK).clientId());
        JsonObject serviceAccount = Json.createObjectBuilder().add("sub", "s").add("client_id", "clinical-app").build();
        assertEquals("clinical-app", read("groups", "teams", serviceAccount).clientId());
        assertNull(read("roles", "groups", ENTRA).clientId());
    }

    @Test
    void theActorIsThePseudonymOfTheSubjectNeverTheSubject() {
        Caller c = read("groups", "teams", KEYCLOAK);
        assertEquals("0b6e1c7a-0000-4000-8000-000000000001", c.subject());
        assertEquals("user:36", c.actor());
        assertEquals("10.1.2.0", c.client());
    }

    @Test
    void claimsHandedOverAsJavaCollectionsAndStringsAreReadToo() {
        Map<String, Object> claims = Map.of("sub", "s", "groups", Set.of("admin", "auditor"), "teams", "it-ops");
        Caller c = new TokenClaims("groups", "teams").caller(claims::get, s -> "user:x", null);
        assertEquals(EnumSet.of(Role.ADMIN, Role.AUDITOR), c.roles());
        assertEquals(Set.of("it-ops"), c.teams());
    }

    @Test
    void aTokenWithoutSubjectMakesNoCaller() {
        JsonObject token = Json.createObjectBuilder().add("groups", Json.createArrayBuilder().add("admin")).build();
        assertThrows(IllegalArgumentException.class, () -> read("groups", "teams", token));
    }

    @Test
    void aBlankSubjectMakesNoCaller() {
        for (String blank : new String[]{"", "  "}) {
            JsonObject token = Json.createObjectBuilder().add("sub", blank).add("groups", Json.createArrayBuilder().add("admin")).build();
            assertThrows(IllegalArgumentException.class, () -> read("groups", "teams", token), "'" + blank + "'");
        }
    }

    @Test
    void aCallerPrintsItsPseudonymNeverItsSubject() {
        Caller c = read("groups", "teams", KEYCLOAK);
        assertFalse(c.toString().contains(c.subject()), c.toString());
        assertTrue(c.toString().contains(c.actor()), c.toString());
    }
}
