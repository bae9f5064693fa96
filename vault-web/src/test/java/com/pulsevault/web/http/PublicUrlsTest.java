package com.pulsevault.web.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicUrlsTest {

    static final URI BASE = URI.create("http://10.0.0.5:8080/pulsevault/api/v1/");
    static final Map<String, String> PROXIED = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "vault.hospital.example",
            "X-Forwarded-Prefix", "/video");

    @Test
    void withoutTrustTheForwardedHeadersAreIgnored() {
        assertEquals("http://10.0.0.5:8080/pulsevault/api/v1/uploads/x", PublicUrls.of(BASE, PROXIED::get, false, "uploads/x"));
    }

    @Test
    void withTrustTheProxysSchemeHostAndPrefixAreUsed() {
        assertEquals("https://vault.hospital.example/video/pulsevault/api/v1/uploads/x", PublicUrls.of(BASE, PROXIED::get, true, "uploads/x"));
    }

    @Test
    void theFirstOfSeveralProxiesWins() {
        Map<String, String> chain = Map.of("X-Forwarded-Host", "outer.example:8443, inner.example");
        assertEquals("http://outer.example:8443/pulsevault/api/v1/u", PublicUrls.of(BASE, chain::get, true, "u"));
    }

    @Test
    void valuesThatAreNotPlainSchemesHostsOrPathsAreIgnored() {
        Map<String, String> hostile = Map.of("X-Forwarded-Proto", "javascript", "X-Forwarded-Host", "evil.example/@x",
                "X-Forwarded-Prefix", "/a\r\nSet-Cookie: x");
        assertEquals("http://10.0.0.5:8080/pulsevault/api/v1/u", PublicUrls.of(BASE, hostile::get, true, "u"));
    }
}
