package com.pulsevault.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line verifier for a copy of the audit directory, e.g.
 * {@code java -jar vault-ejb.jar /var/lib/pulsevault/audit --category upload --from 2026-11-01}.
 * Exit code 0: every chain intact; 1: a break (printed); 2: bad arguments.
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        List<AuditCategory> categories = new ArrayList<>(List.of(AuditCategory.values()));
        LocalDate from = null;
        LocalDate to = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--category" -> categories = List.of(AuditCategory.of(args[++i]));
                    case "--from" -> from = LocalDate.parse(args[++i]);
                    case "--to" -> to = LocalDate.parse(args[++i]);
                    default -> dir = Path.of(args[i]);
                }
            }
        } catch (RuntimeException e) {
            dir = null;
        }
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("usage: java -jar vault-ejb.jar <audit directory> [--category upload|access|transcode|admin]"
                    + " [--from YYYY-MM-DD] [--to YYYY-MM-DD]");
            return 2;
        }
        AuditVerifier verifier = new AuditVerifier(dir);
        int exit = 0;
        for (AuditCategory category : categories) {
            try {
                VerificationReport report = verifier.verify(category, from, to);
                out.println(report);
                if (!report.ok()) {
                    exit = 1;
                }
            } catch (java.io.IOException e) {
                err.println("cannot read " + dir + ": " + e.getMessage());
                return 2;
            }
        }
        return exit;
    }
}
