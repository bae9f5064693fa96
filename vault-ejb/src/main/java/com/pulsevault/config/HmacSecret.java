package com.pulsevault.config;

import com.pulsevault.storage.DurableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/** The key for signed URLs and actor pseudonyms: configured, or generated once and kept 0600 under the media root. */
public final class HmacSecret {

    private static final Logger LOG = Logger.getLogger(HmacSecret.class.getName());

    private HmacSecret() {
    }

    public static byte[] resolve(Optional<String> configured, Path generatedFile) throws IOException {
        if (configured.isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        if (Files.exists(generatedFile)) {
            return Files.readString(generatedFile, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String encoded = Base64.getEncoder().encodeToString(random);
        Files.createDirectories(generatedFile.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temp = generatedFile.resolveSibling(generatedFile.getFileName() + ".new");
        Files.deleteIfExists(temp);
        // created 0600 from the start, so the secret is never readable by others, not even briefly
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, encoded + "\n", StandardCharsets.US_ASCII);
        try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        DurableFiles.moveAtomically(temp, generatedFile);
        DurableFiles.fsyncDirectory(generatedFile.getParent());
        LOG.warning("No pulsevault.hmac.secret is configured: generated one and stored it in " + generatedFile
                + " (mode 0600). Set pulsevault.hmac.secret (env PULSEVAULT_HMAC_SECRET) to the same value on every node.");
        return encoded.getBytes(StandardCharsets.US_ASCII);
    }
}
