package com.pulsevault.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import static com.pulsevault.it.TusClient.OCTETS;
import static com.pulsevault.it.UploadDurabilityIT.awaitBytesOnDisk;
import static com.pulsevault.it.UploadDurabilityIT.dataFile;
import static com.pulsevault.it.UploadDurabilityIT.finalized;
import static com.pulsevault.it.UploadDurabilityIT.path;
import static com.pulsevault.it.UploadDurabilityIT.random;
import static com.pulsevault.it.UploadDurabilityIT.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 of the server in the middle of a PATCH, then a restart: the upload resumes to the right file. */
class ServerRestartIT extends VaultIT {

    @Test
    void anUploadSurvivesAKill9MidPatchAndResumesAfterRestart() throws Exception {
        int mib = 1024 * 1024;
        byte[] content = random(8 * mib);
        String url = TusClient.createdUpload(content.length);
        assertEquals(204, TusClient.patch(url, 0, Arrays.copyOf(content, mib)).statusCode());
        List<String> command;
        try (RawHttp raw = new RawHttp()) {
            raw.start("PATCH", path(url), "Tus-Resumable: 1.0.0", "Upload-Offset: " + mib, "Content-Type: " + OCTETS,
                    "Content-Length: " + (content.length - mib)).body(content, mib, 4 * mib);
            awaitBytesOnDisk(url, 2 * mib); // the server is mid-request, writing
            command = WildFlyProcess.kill9();
        }
        WildFlyProcess.start(command);

        long offset = TusClient.offset(url);
        assertEquals(Files.size(dataFile(url)), offset, "HEAD reports the bytes on disk");
        assertTrue(offset >= 2 * mib && offset <= 4 * mib, "kept " + offset);
        assertArrayEquals(Arrays.copyOf(content, (int) offset), Files.readAllBytes(dataFile(url)));
        assertEquals(204, TusClient.patch(url, offset, Arrays.copyOfRange(content, (int) offset, content.length)).statusCode());
        // the running digest died with the server: finalize recomputes it once from the file
        assertEquals(sha256(content), finalized(url).getString("checksum"));
    }
}
