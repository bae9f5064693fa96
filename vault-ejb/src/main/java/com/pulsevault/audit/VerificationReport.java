package com.pulsevault.audit;

/**
 * The outcome of checking one category's chain over a range of days.
 *
 * @param problem the first break found, or null when the chain is intact
 */
public record VerificationReport(AuditCategory category, int files, long entries, Problem problem) {

    public boolean ok() {
        return problem == null;
    }

    /**
     * @param kind one of hash-mismatch, broken-link, truncated-tail, unreadable-line, missing-day,
     *             broken-cross-day-link
     * @param line 1-based line number, or 0 when the problem is a whole file
     */
    public record Problem(String file, long line, String kind, String message) {
    }

    @Override
    public String toString() {
        if (ok()) {
            return "OK " + category.fileName() + ": " + files + " file(s), " + entries + " entries";
        }
        return "BROKEN " + category.fileName() + ": " + problem.file()
                + (problem.line() > 0 ? " line " + problem.line() : "") + ": " + problem.kind() + " — " + problem.message();
    }
}
