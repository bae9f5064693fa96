import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The file side of a catalog pass alone: lists the video directory and reads every meta.json through
 * MetaJsonVideoRepository.get (read, checksum, parse, VideoJson), one thread, as CatalogReconciler does,
 * without writing any index. Run by bench/catalog-bench.sh:
 * <pre>
 *   java -cp vault-ejb/target/classes:&lt;jakartaee-api&gt;:&lt;parsson&gt; bench/CatalogRead.java VIDEO_DIR [ROUNDS]
 * </pre>
 * Prints "read N ms files/s" for each round (the first after the caller dropped the page cache: from the
 * disk; later rounds from memory, with the JIT warm).
 */
public class CatalogRead {
    public static void main(String[] args) throws Exception {
        Path videoDir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        MetaJsonVideoRepository files = new MetaJsonVideoRepository(videoDir);
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            int seen = 0;
            long versions = 0;
            try (Stream<Path> dirs = Files.list(videoDir)) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String id = dir.getFileName().toString();
                    if (!VideoId.isValid(id) || !Files.exists(dir.resolve("meta.json"))) {
                        continue;
                    }
                    Video video = files.get(new VideoId(id));
                    versions += video.version();
                    seen++;
                }
            }
            double ms = (System.nanoTime() - started) / 1e6;
            System.out.printf("read %d %.0f %.0f%n", seen, ms, seen / (ms / 1000));
            if (versions < seen) {
                throw new IllegalStateException("unexpected versions");
            }
        }
    }
}
