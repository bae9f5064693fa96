package com.pulsevault.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.TreeMap;

/** Naming and finding the daily files of a category. */
final class AuditFiles {

    private AuditFiles() {
    }

    static Path file(Path dir, AuditCategory category, LocalDate day) {
        return dir.resolve(category.fileName() + "-" + day + ".log");
    }

    /** Every daily file of the category, oldest first. */
    static TreeMap<LocalDate, Path> days(Path dir, AuditCategory category) throws IOException {
        TreeMap<LocalDate, Path> days = new TreeMap<>();
        String prefix = category.fileName() + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*.log")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    days.put(LocalDate.parse(name.substring(prefix.length(), name.length() - ".log".length())), f);
                } catch (DateTimeParseException notADailyFile) {
                    // some other file; not part of the chain
                }
            }
        }
        return days;
    }

    /** The last complete line of a file (the part after the final newline is a torn write), if any. */
    static Optional<String> lastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            while (end > 0) {
                raf.seek(end - 1);
                if (raf.read() == '\n') {
                    break;
                }
                end--;
            }
            if (end == 0) {
                return Optional.empty();
            }
            long lineEnd = end - 1; // position of that newline
            long start = lineEnd;
            int window = 4096;
            while (start > 0) {
                long from = Math.max(0, start - window);
                byte[] chunk = new byte[(int) (start - from)];
                raf.seek(from);
                raf.readFully(chunk);
                int nl = -1;
                for (int k = chunk.length - 1; k >= 0; k--) {
                    if (chunk[k] == '\n') {
                        nl = k;
                        break;
                    }
                }
                if (nl >= 0) {
                    start = from + nl + 1;
                    break;
                }
                start = from;
            }
            byte[] line = new byte[(int) (lineEnd - start)];
            raf.seek(start);
            raf.readFully(line);
            return Optional.of(new String(line, StandardCharsets.UTF_8));
        }
    }
}
