package com.pulsevault.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    @Test
    void ipv4KeepsItsSlash24() {
        assertEquals("192.168.17.0", ClientAddress.anonymise("192.168.17.42"));
    }

    @Test
    void ipv6KeepsItsSlash48() {
        assertEquals("2001:db8:85a3::", ClientAddress.anonymise("2001:0db8:85a3:08d3:1319:8a2e:0370:7344"));
        assertEquals("2001:db8:85a3::", ClientAddress.anonymise("[2001:db8:85a3::1]"));
    }

    @Test
    void anIpv4MappedAddressIsTreatedAsIpv4() {
        assertEquals("10.0.0.0", ClientAddress.anonymise("::ffff:10.0.0.7"));
    }

    @Test
    void hostNamesAndGarbageAreNeverResolvedNorKept() {
        assertEquals("unknown", ClientAddress.anonymise("evil.example.org"));
        assertEquals("unknown", ClientAddress.anonymise("patient Jane Doe"));
    }
}
