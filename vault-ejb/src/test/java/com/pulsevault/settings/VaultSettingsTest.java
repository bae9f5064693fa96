package com.pulsevault.settings;

import com.pulsevault.config.MediaDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaultSettingsTest {

    @TempDir
    Path dir;

    static VaultSettings of(Map<String, String> values) {
        return VaultSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        VaultSettings s = of(Map.of());
        assertEquals(Path.of("/var/lib/pulsevault"), s.mediaRoot());
        assertEquals(Path.of("/var/lib/pulsevault/uploads"), s.uploadDir());
        assertEquals(300, s.tokenExpirySeconds());
        assertEquals(10L * 1024 * 1024 * 1024, s.maxUploadSize());
        assertEquals(24, s.uploadExpiry().toHours());
        assertEquals("localhost", s.redisHost());
        assertEquals(6379, s.redisPort());
        assertEquals(0, s.redisDb());
        assertEquals(false, s.trustForwardedHeaders());
        assertTrue(s.corsAllowedOrigins().isEmpty());
    }

    @Test
    void subDirectoriesFollowTheMediaRootUnlessSetThemselves() {
        VaultSettings s = of(Map.of("pulsevault.media.root", "/data/pv", "pulsevault.audit.dir", "/audit"));
        assertEquals(Path.of("/data/pv/videos"), s.videoDir());
        assertEquals(Path.of("/audit"), s.auditDir());
    }

    @Test
    void aBadValueNamesThePropertyAndItsEnvironmentVariable() {
        SettingsException e = assertThrows(SettingsException.class, () -> of(Map.of("pulsevault.upload.max-size", "ten")));
        assertTrue(e.getMessage().contains("pulsevault.upload.max-size"), e.getMessage());
        assertTrue(e.getMessage().contains("PULSEVAULT_UPLOAD_MAX_SIZE"), e.getMessage());
    }

    @Test
    void anUnusableMediaRootFailsWithAMessageNamingTheProperty() throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-directory"));
        SettingsException e = assertThrows(SettingsException.class,
                () -> MediaDirectories.prepare(of(Map.of("pulsevault.media.root", file.toString()))));
        assertEquals("pulsevault.media.root", e.property());
    }

    @Test
    void missingDirectoriesAreCreated() {
        MediaDirectories.prepare(of(Map.of("pulsevault.media.root", dir.resolve("root").toString())));
        for (String sub : new String[]{"uploads", "videos", "audit", "outbox"}) {
            assertTrue(Files.isDirectory(dir.resolve("root").resolve(sub)), sub);
        }
    }

    @Test
    void theCatalogIsInTheDefaultDatasourceUnlessOneIsNamed() {
        assertEquals("java:comp/DefaultDataSource", of(Map.of()).catalogDatasource());
        assertEquals("java:comp/DefaultDataSource", of(Map.of("pulsevault.catalog.datasource", "  ")).catalogDatasource());
        assertEquals("jdbc/pulsevault-catalog",
                of(Map.of("pulsevault.catalog.datasource", " jdbc/pulsevault-catalog ")).catalogDatasource());
    }

    @Test
    void rolesAndTeamsAreReadFromTheMicroProfileJwtClaimsByDefault() {
        VaultSettings s = of(Map.of());
        assertEquals("groups", s.rolesClaim());
        assertEquals("teams", s.teamsClaim());
    }

    @Test
    void aNestedRolesClaimIsAccepted() {
        assertEquals("realm_access.roles", of(Map.of(VaultSettings.AUTH_ROLES_CLAIM, "realm_access.roles")).rolesClaim());
    }

    @Test
    void aRolesClaimThatIsNoClaimNameIsRefusedNamingTheProperty() {
        SettingsException e = assertThrows(SettingsException.class, () -> of(Map.of(VaultSettings.AUTH_ROLES_CLAIM, "realm_access..roles")));
        assertEquals(VaultSettings.AUTH_ROLES_CLAIM, e.property());
    }

    @Test
    void withoutAnIssuerOrKeysTheVaultRefusesToStartNamingTheProperty() {
        SettingsException noIssuer = assertThrows(SettingsException.class, () -> of(Map.of()).requireTokenVerification());
        assertEquals(VaultSettings.JWT_ISSUER, noIssuer.property());
        assertTrue(noIssuer.getMessage().contains("MP_JWT_VERIFY_ISSUER"), noIssuer.getMessage());
        SettingsException noKeys = assertThrows(SettingsException.class,
                () -> of(Map.of(VaultSettings.JWT_ISSUER, "https://idp.example/realms/h")).requireTokenVerification());
        assertEquals(VaultSettings.JWT_PUBLIC_KEY_LOCATION, noKeys.property());
        of(Map.of(VaultSettings.JWT_ISSUER, "https://idp.example/realms/h",
                VaultSettings.JWT_PUBLIC_KEY_LOCATION, "https://idp.example/realms/h/protocol/openid-connect/certs")).requireTokenVerification();
    }

    static final Map<String, String> VERIFIABLE = Map.of(VaultSettings.JWT_ISSUER, "https://idp.example/realms/h",
            VaultSettings.JWT_PUBLIC_KEY_LOCATION, "https://idp.example/realms/h/protocol/openid-connect/certs");

    @Test
    void rolesAndTeamsFromTheSameClaimAreRefused() {
        Map<String, String> same = new java.util.HashMap<>(VERIFIABLE);
        same.put(VaultSettings.AUTH_TEAMS_CLAIM, "groups");
        SettingsException e = assertThrows(SettingsException.class, () -> of(same).requireTokenVerification());
        assertEquals(VaultSettings.AUTH_TEAMS_CLAIM, e.property());
    }

    @Test
    void withoutAnAudienceTheVaultStartsButWarns() {
        assertTrue(of(VERIFIABLE).tokenVerificationWarning().orElseThrow().contains(VaultSettings.JWT_AUDIENCES));
        Map<String, String> withAudience = new java.util.HashMap<>(VERIFIABLE);
        withAudience.put(VaultSettings.JWT_AUDIENCES, "pulsevault");
        assertTrue(of(withAudience).tokenVerificationWarning().isEmpty());
    }
}
