package com.pulsevault.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line verifier for a copy of the audit directory, e.g.
 * {@code java -jar vault-ejb.jar /var/lib/pulsevault/audit --category upload --from 2026-11-01}.
 * Exit code 0: every chain intact; 1: a break (printed); 2: bad arguments (one line saying which).
 */
public final class VerifyAuditCommand {

    static final String USAGE = "usage: java -jar vault-ejb.jar <audit directory> [--category upload|access|transcode|admin]"
            + " [--from YYYY-MM-DD] [--to YYYY-MM-DD]";

    private VerifyAuditCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (BadArgument | DayRange.InvalidDayRangeException e) {
            err.println("pulsevault audit: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
        AuditVerifier verifier = new AuditVerifier(a.dir);
        int exit = 0;
        for (AuditCategory category : a.categories) {
            try {
                VerificationReport report = verifier.verify(category, a.days);
                out.println(report);
                if (!report.ok()) {
                    exit = 1;
                }
            } catch (IOException e) {
                err.println("pulsevault audit: cannot read " + a.dir + ": " + e.getMessage());
                return 2;
            }
        }
        return exit;
    }

    private record Arguments(Path dir, List<AuditCategory> categories, DayRange days) {

        static Arguments parse(String[] args) {
            Path dir = null;
            List<AuditCategory> categories = new ArrayList<>(List.of(AuditCategory.values()));
            String from = null;
            String to = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--category" -> categories = List.of(category(value(args, ++i, "--category")));
                    case "--from" -> from = value(args, ++i, "--from");
                    case "--to" -> to = value(args, ++i, "--to");
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new BadArgument("unknown option " + args[i]);
                        }
                        if (dir != null) {
                            throw new BadArgument("more than one audit directory given");
                        }
                        dir = Path.of(args[i]);
                    }
                }
            }
            if (dir == null) {
                throw new BadArgument("no audit directory given");
            }
            if (!Files.isDirectory(dir)) {
                throw new BadArgument(dir + " is not a directory");
            }
            return new Arguments(dir, categories, new DayRange(DayRange.day("--from", from), DayRange.day("--to", to)));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new BadArgument(option + " needs a value");
            }
            return args[i];
        }

        private static AuditCategory category(String name) {
            try {
                return AuditCategory.of(name);
            } catch (IllegalArgumentException e) {
                throw new BadArgument("--category must be one of upload, access, transcode, admin");
            }
        }
    }

    private static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message, null, false, false);
        }
    }
}
