package com.pulsevault.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test server runs without pulsevault.hmac.secret, as a first deployment would. */
class ConfigurationIT extends VaultIT {

    static final Path SERVER_LOG = Path.of(System.getProperty("vault.server.log"));

    @Test
    void withoutAConfiguredSecretOneIsGeneratedReadableOnlyByTheServer() throws Exception {
        Path secret = MEDIA_ROOT.resolve("secrets").resolve("hmac.key");
        assertTrue(Files.exists(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertTrue(Files.readString(secret).trim().length() >= 43, "256 random bits, base64");
    }

    @Test
    void theGeneratedSecretIsAnnouncedButNeverLogged() throws Exception {
        String secret = Files.readString(MEDIA_ROOT.resolve("secrets").resolve("hmac.key")).trim();
        String log = Files.readString(SERVER_LOG);
        assertTrue(log.contains("No pulsevault.hmac.secret is configured"), "a warning tells IT to set one");
        assertFalse(log.contains(secret), "the secret itself never reaches the log");
    }

    @Test
    void theMediaRootsDirectoriesAreCreatedAtStart() {
        for (String dir : new String[]{"uploads", "videos", "audit", "outbox"}) {
            assertTrue(Files.isDirectory(MEDIA_ROOT.resolve(dir)), dir);
        }
    }
}
