package com.pulsevault.web.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests need no token: only OPTIONS, the console's configuration and reads of a well-formed signed media path. */
class AuthenticationFilterTest {

    static final String VIDEO = "6f1c1f3e-2b7a-4c1e-9d3a-0a1b2c3d4e5f";
    static final String MEDIA = "media/t/djJ8Zm9v.c2ln/videos/" + VIDEO + "/";

    static boolean open(String method, String path) {
        return AuthenticationFilter.isOpen(method, path, java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void signedMediaReadsAreOpen() {
        assertTrue(open("GET", MEDIA + "stream/master.m3u8"));
        assertTrue(open("HEAD", "/" + MEDIA + "stream/chunk-1-00001.m4s"));
        assertTrue(open("GET", MEDIA + "metadata"));
    }

    @Test
    void theConsoleConfigurationIsReadWithoutAToken() {
        assertTrue(open("GET", "console/config"));
        assertTrue(open("GET", "/console/config"));
    }

    @Test
    void onlyReadingTheConsoleConfigurationIsOpen() {
        assertFalse(open("POST", "console/config"));
        assertFalse(open("GET", "console/config/x"));
        assertFalse(open("GET", "console"));
        assertFalse(open("GET", "console%2Fconfig"));
    }

    @Test
    void optionsIsOpenEverywhere() {
        assertTrue(open("OPTIONS", "uploads"));
        assertTrue(open("OPTIONS", "media/sign"));
    }

    @Test
    void writingToAMediaPathNeedsAToken() {
        assertFalse(open("POST", MEDIA + "metadata"));
        assertFalse(open("DELETE", MEDIA + "poster.jpg"));
    }

    @Test
    void everythingElseNeedsAToken() {
        for (String path : new String[]{"uploads", "media/sign", "admin/transcodes", "audit/verify", "media/t/x", "media/t/"}) {
            assertFalse(open("GET", path), path);
        }
    }

    @Test
    void noEncodingOrDotSegmentTurnsAnOpenPathIntoAnother() {
        for (String path : new String[]{MEDIA + "../../../../admin/transcodes", MEDIA + "%2e%2e/%2e%2e/admin",
                MEDIA + "stream/..%2F..%2F..%2Fadmin", "media/t/%2e%2e/%2e%2e/admin/transcodes",
                "media/t/x/videos/" + VIDEO + "/a/b/c", MEDIA + ".hidden", "media;x=1/t/y/videos/" + VIDEO + "/poster.jpg"}) {
            assertFalse(open("GET", path), path);
        }
    }

    @Test
    void aReadUnderTheSignedPrefixThatIsNoSignedPathIsToldApart() {
        assertTrue(AuthenticationFilter.isMalformedMediaRead("GET", MEDIA + "stream/..%2Fmeta.json"));
        assertTrue(AuthenticationFilter.isMalformedMediaRead("HEAD", "/media/t/%2e%2e/admin"));
        assertFalse(AuthenticationFilter.isMalformedMediaRead("GET", "admin/transcodes"));
        assertFalse(AuthenticationFilter.isMalformedMediaRead("POST", MEDIA + "metadata"));
    }
}
