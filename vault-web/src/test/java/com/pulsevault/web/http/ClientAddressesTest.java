package com.pulsevault.web.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientAddressesTest {

    @Test
    void theAuditedAddressIsTheOneOurProxyAppendedNotWhatTheClientWrote() {
        assertEquals("198.51.100.7", ClientAddresses.lastHop("203.0.113.9, 198.51.100.7"));
    }

    @Test
    void aSingleForwardedAddressIsTaken() {
        assertEquals("198.51.100.7", ClientAddresses.lastHop(" 198.51.100.7 "));
    }

    @Test
    void anEmptyOrMissingHeaderGivesNothing() {
        assertNull(ClientAddresses.lastHop(null));
        assertNull(ClientAddresses.lastHop("203.0.113.9, "));
    }
}
