package com.pulsevault.upload;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadMetadataTest {

    @Test
    void pairsAreDecodedAndTheRawHeaderIsKept() {
        UploadMetadata m = UploadMetadata.parse("filename a25lZS5tcDQ=,is_confidential");
        assertEquals(Map.of("filename", "knee.mp4", "is_confidential", ""), m.values());
        assertEquals("filename a25lZS5tcDQ=,is_confidential", m.raw());
    }

    @Test
    void invalidBase64IsRefused() {
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("filename !!notbase64!!"));
    }

    @Test
    void aRepeatedKeyIsRefused() {
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a YQ==,a Yg=="));
    }

    @Test
    void anOversizedHeaderIsRefused() {
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("k " + "QUFB".repeat(3000)));
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a YQ==, b Yg=="));
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a YQ==, Yg=="));
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a YQ==,"));
    }

    @Test
    void pairsSeparatedOrPaddedByATabAreRefused() {
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a YQ==,\tb Yg=="));
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a\tYQ=="));
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a YQ==\t,b Yg=="));
    }

    @Test
    void aKeyAndValueSeparatedByTwoSpacesAreRefused() {
        assertThrows(InvalidUploadException.class, () -> UploadMetadata.parse("a  YQ=="));
    }

    @Test
    void keysWithoutValuesMayOmitTheSpace() {
        assertEquals(Map.of("a", "", "b", "b"), UploadMetadata.parse("a,b Yg==").values());
    }
}
