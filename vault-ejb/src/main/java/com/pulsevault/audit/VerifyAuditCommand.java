package com.pulsevault.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command line verifier for a copy of the audit directory, e.g.
 * {@code java -jar vault-ejb.jar /var/lib/pulsevault/audit --category upload --from 2026-11-01}.
 * With {@code --public-key} (the checkpoints' Ed25519 public key, PEM) the signed checkpoints are checked too,
 * and with {@code --witness} the witness's copy of them ({@link CheckpointVerifier}); each finding is a line.
 * Exit code 0: every chain intact (warnings allowed); 1: a break (printed); 2: bad arguments (one line saying which).
 */
public final class VerifyAuditCommand {

    static final String USAGE = "usage: java -jar vault-ejb.jar <audit directory> [--category upload|access|transcode|admin]"
            + " [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--public-key FILE [--witness DIR]]";

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
        if (a.publicKey != null) {
            try {
                java.security.PublicKey key = SigningKey.readPublicKey(a.publicKey);
                List<CheckpointVerifier.Finding> findings = new CheckpointVerifier(a.dir).checkpoints(key, Optional.ofNullable(a.witness));
                findings.forEach(out::println);
                if (findings.stream().anyMatch(f -> f.severity() == CheckpointVerifier.Severity.BREAK)) {
                    exit = 1;
                } else {
                    out.println("OK checkpoints: " + new CheckpointLog(a.dir).lines(null).size() + " checkpoint(s), trusted key " + SigningKey.fingerprint(key));
                }
            } catch (IOException e) {
                err.println("pulsevault audit: cannot read the checkpoints or the key: " + e.getMessage());
                return 2;
            }
        }
        return exit;
    }

    private record Arguments(Path dir, List<AuditCategory> categories, DayRange days, Path publicKey, Path witness) {

        static Arguments parse(String[] args) {
            Path dir = null;
            List<AuditCategory> categories = new ArrayList<>(List.of(AuditCategory.values()));
            String from = null;
            String to = null;
            Path publicKey = null;
            Path witness = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--public-key" -> publicKey = Path.of(value(args, ++i, "--public-key"));
                    case "--witness" -> witness = Path.of(value(args, ++i, "--witness"));
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
            if (witness != null && !Files.isDirectory(witness)) {
                throw new BadArgument("the witness copy " + witness + " is not a directory");
            }
            if (witness != null && publicKey == null) {
                throw new BadArgument("--witness needs --public-key");
            }
            if (publicKey != null && !Files.isRegularFile(publicKey)) {
                throw new BadArgument(publicKey + " is not a file");
            }
            return new Arguments(dir, categories, new DayRange(DayRange.day("--from", from), DayRange.day("--to", to)), publicKey, witness);
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
