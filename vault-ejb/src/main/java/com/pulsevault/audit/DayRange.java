package com.pulsevault.audit;

import com.pulsevault.VaultException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * An inclusive range of UTC days, either end open (null). Reversed ranges are refused here, once, so
 * every place that takes a range (the verify endpoint, the command line) answers the same way.
 */
public record DayRange(LocalDate from, LocalDate to) {

    public static final DayRange ALL = new DayRange(null, null);

    public DayRange {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidDayRangeException("from (" + from + ") is after to (" + to + ")");
        }
    }

    /** @param name the parameter, for the message; @param value a date like 2026-11-22, or null */
    public static LocalDate day(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidDayRangeException(name + " must be a date like 2026-11-22");
        }
    }

    public static DayRange parse(String from, String to) {
        return new DayRange(day("from", from), day("to", to));
    }

    /** A day or a range that cannot be used. */
    public static class InvalidDayRangeException extends VaultException {
        public InvalidDayRangeException(String message) {
            super(message);
        }
    }
}
