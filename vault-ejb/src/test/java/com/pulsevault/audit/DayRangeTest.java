package com.pulsevault.audit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DayRangeTest {

    @Test
    void eitherEndMayBeOpen() {
        DayRange r = DayRange.parse(null, "2026-12-01");
        assertNull(r.from());
        assertEquals(LocalDate.parse("2026-12-01"), r.to());
    }

    @Test
    void oneDayIsARange() {
        DayRange r = DayRange.parse("2026-12-01", "2026-12-01");
        assertEquals(r.from(), r.to());
    }

    @Test
    void aReversedRangeIsRefused() {
        assertThrows(DayRange.InvalidDayRangeException.class, () -> DayRange.parse("2026-12-05", "2026-12-01"));
    }

    @Test
    void anImpossibleDayIsRefused() {
        assertThrows(DayRange.InvalidDayRangeException.class, () -> DayRange.parse("2026-13-01", null));
        assertThrows(DayRange.InvalidDayRangeException.class, () -> DayRange.parse(null, "yesterday"));
    }
}
