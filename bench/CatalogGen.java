import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.video.FailureKind;
import com.pulsevault.video.OriginalFile;
import com.pulsevault.video.Rendition;
import com.pulsevault.video.TranscodeOutput;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoEdit;
import com.pulsevault.video.VideoId;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes N synthetic videos into {@code <videoDir>/<videoId>/meta.json} through the vault's own classes:
 * each record is made by the domain's transitions (Video.finalized, transcodingStarted, transcoded or
 * failed, then a VideoEdit for title, description and tags) and stored by MetaJsonVideoRepository.create
 * (checksummed envelope, temp file, fsync, rename, fsync of the directory), exactly as the vault writes them.
 * Run by bench/catalog-bench.sh:
 * <pre>
 *   java -cp vault-ejb/target/classes:&lt;jakartaee-api&gt;:&lt;parsson&gt; bench/CatalogGen.java VIDEO_DIR N SEED THREADS
 * </pre>
 * What is in it (deterministic for a seed):
 * <ul>
 * <li>owners: the demo realm's clinician (its fixed subject) owns 1 in 10; the rest belong to 24 other subjects</li>
 * <li>teams: one of 6 (ward-a … radiology), a second one for 1 in 5</li>
 * <li>title 2–5 words, description 8–30 words, 1–4 tags, from a 200-word vocabulary; the word
 *     {@value #RARE} is in the description of exactly 1 in 100 videos (i % 100 == 37)</li>
 * <li>metadata: encounter (E-&lt;i&gt;), ward, patientRef (3 indexed metadata rows per video)</li>
 * <li>status: 90 % transcoded (2–5 renditions), 4 % failed, 3 % uploaded, 2 % queued, 1 % transcoding</li>
 * <li>upload times spread evenly over the 365 days before 2026-12-01, newest last</li>
 * </ul>
 * Prints one line: "generated N videos in S s (R files/s, THREADS threads)".
 */
public class CatalogGen {

    static final String RARE = "meniscectomy";
    static final String CLINICIAN = "9001cc60-68de-56e7-a563-0ef6c8c441ce"; // server-config/keycloak/pulsevault-demo-realm.json
    static final String[] TEAMS = {"ward-a", "ward-b", "ward-c", "icu", "ortho", "radiology"};
    static final String[] TAGS = {"knee", "shoulder", "hip", "follow-up", "pre-op", "post-op", "gait", "wound", "consult",
            "teaching", "spine", "ankle", "wrist", "elbow", "rehab", "urgent", "routine", "second-opinion", "ultrasound", "physio"};
    static final String[] WORDS = ("left right bilateral anterior posterior lateral medial proximal distal superior inferior "
            + "knee shoulder hip ankle wrist elbow spine neck back foot hand finger toe thigh calf forearm pelvis "
            + "flexion extension rotation abduction adduction range motion stiffness swelling pain tenderness bruising "
            + "gait walking standing sitting squat lunge stairs balance strength weakness fatigue tremor spasm "
            + "week day month review assessment follow visit clinic ward theatre recovery discharge admission "
            + "patient clinician nurse physio surgeon registrar consultant team handover teaching demonstration "
            + "wound dressing suture scar healing infection drainage redness graft flap incision closure "
            + "fracture sprain strain tear rupture dislocation instability effusion contusion laceration "
            + "ligament tendon cartilage muscle bone joint capsule bursa fascia nerve vessel "
            + "exercise stretch protocol program session repetition progression load resistance band "
            + "ultrasound scan probe view image frame clip baseline comparison change improvement decline "
            + "stable improving worse unchanged mild moderate severe acute chronic recurrent "
            + "morning evening night early late initial final interim routine urgent "
            + "video recording capture sequence trial test check measure score note plan "
            + "active passive assisted independent supported weight bearing partial full limited").split(" ");

    public static void main(String[] args) throws Exception {
        Path videoDir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Files.createDirectories(videoDir);
        MetaJsonVideoRepository repo = new MetaJsonVideoRepository(videoDir);
        String[] owners = new String[25];
        owners[0] = CLINICIAN;
        Random ownerSeed = new Random(seed ^ 0x5eed);
        for (int i = 1; i < owners.length; i++) {
            owners[i] = new UUID(ownerSeed.nextLong(), ownerSeed.nextLong()).toString();
        }
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        long spanMicros = Duration.ofDays(365).toNanos() / 1000;
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        int chunk = 500;
        for (int from = 0; from < n; from += chunk) {
            int lo = from, hi = Math.min(n, from + chunk);
            work.add(pool.submit(() -> {
                for (int i = lo; i < hi; i++) {
                    repo.create(video(i, n, seed, owners, end, spanMicros));
                    long d = done.incrementAndGet();
                    if (d % 10000 == 0) {
                        System.err.printf("  %d of %d written (%.0f files/s)%n", d, n, d / ((System.nanoTime() - started) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double s = (System.nanoTime() - started) / 1e9;
        System.out.printf("generated %d videos in %.1f s (%.0f files/s, %d threads)%n", n, s, n / s, threads);
    }

    static Video video(int i, int n, long seed, String[] owners, Instant end, long spanMicros) {
        Random r = new Random(seed * 1_000_003L + i);
        VideoId id = new VideoId(new UUID(r.nextLong(), r.nextLong()).toString());
        Instant created = end.minusNanos((long) (n - i) * (spanMicros / n) * 1000 - r.nextInt(1000) * 1000L);
        String owner = r.nextInt(10) == 0 ? owners[0] : owners[1 + r.nextInt(owners.length - 1)];
        Set<String> teams = new LinkedHashSet<>();
        String ward = TEAMS[r.nextInt(TEAMS.length)];
        teams.add(ward);
        if (r.nextInt(5) == 0) {
            teams.add(TEAMS[r.nextInt(TEAMS.length)]);
        }
        byte[] sha = new byte[32];
        r.nextBytes(sha);
        long size = 5_000_000L + r.nextInt(500_000_000);
        OriginalFile original = new OriginalFile("original.mp4", size, HexFormat.of().formatHex(sha), "clip-" + i + ".mp4");
        JsonObject metadata = Json.createObjectBuilder()
                .add("encounter", "E-" + (1_000_000 + i))
                .add("ward", ward)
                .add("patientRef", "P-" + (100_000 + r.nextInt(900_000)))
                .build();
        JsonObject upload = Json.createObjectBuilder()
                .add("id", UUID.nameUUIDFromBytes(("upload-" + seed + "-" + i).getBytes()).toString())
                .add("createdAt", created.minusSeconds(30).toString())
                .add("metadata", Json.createObjectBuilder().add("filename", "clip-" + i + ".mp4").add("filetype", "video/mp4"))
                .build();
        Video v = Video.finalized(id, original, metadata, upload, owner, teams, null, created);
        int status = r.nextInt(100);
        Instant t = created.plusSeconds(5);
        if (status < 90) {
            v = v.transcodingStarted(1, t).transcoded(output(r), t.plusSeconds(40 + r.nextInt(200)));
        } else if (status < 94) {
            v = v.transcodingStarted(1, t).failed("ffmpeg failed: synthetic", FailureKind.TRANSCODE_FAILED, t.plusSeconds(20));
        } else if (status < 97) {
            // uploaded, transcode queued (as finalize leaves it)
        } else if (status < 99) {
            v = v.queuedAgain(t);
        } else {
            v = v.transcodingStarted(1, t);
        }
        StringBuilder description = new StringBuilder();
        int words = 8 + r.nextInt(23);
        for (int w = 0; w < words; w++) {
            description.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
            if (w == words / 2 && i % 100 == 37) {
                description.append(' ').append(RARE);
            }
        }
        StringBuilder title = new StringBuilder();
        for (int w = 0, tw = 2 + r.nextInt(4); w < tw; w++) {
            title.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        title.setCharAt(0, Character.toUpperCase(title.charAt(0)));
        JsonArrayBuilder tags = Json.createArrayBuilder();
        Set<String> chosen = new LinkedHashSet<>();
        for (int k = 0, tk = 1 + r.nextInt(4); k < tk; k++) {
            chosen.add(TAGS[r.nextInt(TAGS.length)]);
        }
        chosen.forEach(tags::add);
        JsonObject patch = Json.createObjectBuilder().add("title", title.toString()).add("description", description.toString())
                .add("tags", tags).build();
        return VideoEdit.apply(v, patch, t.plusSeconds(600)).video();
    }

    static TranscodeOutput output(Random r) {
        int[][] ladder = {{426, 240, 400_000}, {640, 360, 800_000}, {854, 480, 1_400_000}, {1280, 720, 2_800_000}, {1920, 1080, 5_000_000}};
        int rungs = 2 + r.nextInt(4);
        List<Rendition> renditions = new ArrayList<>();
        for (int k = 0; k < rungs; k++) {
            renditions.add(new Rendition(ladder[k][1] + "p", ladder[k][0], ladder[k][1], ladder[k][2], "stream/media_" + k + ".m3u8",
                    "avc1.64001f,mp4a.40.2"));
        }
        int[] top = ladder[rungs - 1];
        return new TranscodeOutput(10 + r.nextInt(900) + r.nextInt(1000) / 1000.0, top[0], top[1], renditions,
                "stream/master.m3u8", "stream/manifest.mpd", "poster.jpg",
                new TranscodeOutput.Timings(100 + r.nextInt(200), 20_000 + r.nextInt(200_000), 300 + r.nextInt(500)));
    }
}
