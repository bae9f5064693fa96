package com.pulsevault.upload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OriginalFileNameTest {

    @Test
    void theStoredNameTakesOnlyAnAllowlistedExtension() {
        assertEquals("original.mp4", OriginalFileName.storedName("Knee MRI.MP4"));
        assertEquals("original.mov", OriginalFileName.storedName("clip.mov"));
        assertEquals("original.bin", OriginalFileName.storedName("payload.sh"));
        assertEquals("original.bin", OriginalFileName.storedName("no-extension"));
        assertEquals("original.bin", OriginalFileName.storedName(null));
    }

    @Test
    void namesWithPathSeparatorsOrControlCharactersAreRefused() {
        for (String bad : new String[]{"../etc/passwd", "a/b.mp4", "a\\b.mp4", "/abs.mp4", "nul\0.mp4", "..", ""}) {
            assertThrows(InvalidUploadException.class, () -> OriginalFileName.validate(bad), bad);
        }
        assertDoesNotThrow(() -> OriginalFileName.validate("Séance 3 – knee.mp4"));
    }

    @Test
    void theTusFilenameMetadataKeepsOnlyItsLastPathSegment() {
        assertEquals("knee.mp4", OriginalFileName.fromUploadMetadata("knee.mp4"));
        assertEquals("knee.mp4", OriginalFileName.fromUploadMetadata("C:\\fakepath\\knee.mp4"));
        assertEquals("knee.mp4", OriginalFileName.fromUploadMetadata("/sdcard/DCIM/knee.mp4"));
        assertEquals(null, OriginalFileName.fromUploadMetadata("dir/"));
        assertEquals(null, OriginalFileName.fromUploadMetadata(null));
    }
}
