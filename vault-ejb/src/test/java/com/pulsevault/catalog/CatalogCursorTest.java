package com.pulsevault.catalog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogCursorTest {

    static final String VIDEO = "6f1c1f3e-2b7a-4c1e-9d3a-0a1b2c3d4e5f";

    @Test
    void aCursorComesBackAsItWasAndIsUrlSafe() {
        CatalogCursor cursor = new CatalogCursor(1_764_659_349_170_399L, VIDEO);
        assertTrue(cursor.encode().matches("[A-Za-z0-9_-]+"), cursor.encode());
        assertEquals(cursor, CatalogCursor.decode(cursor.encode()));
    }

    @Test
    void anythingTheVaultDidNotMakeIsRefused() {
        String notAVideo = java.util.Base64.getUrlEncoder().encodeToString("12:../../etc".getBytes());
        String notANumber = java.util.Base64.getUrlEncoder().encodeToString(("x:" + VIDEO).getBytes());
        for (String bad : new String[]{"garbage!", "", notAVideo, notANumber, "A".repeat(200)}) {
            assertThrows(IllegalArgumentException.class, () -> CatalogCursor.decode(bad), bad);
        }
    }
}
