import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times catalog requests one after another on one keep-alive connection (the JDK's HttpClient, HTTP/1.1),
 * from the request sent to the whole body read: the first list page, a deep page (the page reached by
 * following {@code next} DEEP times from the first), and a text search. Run by bench/catalog-bench.sh:
 * <pre>
 *   java bench/CatalogLatency.java API_BASE TOKEN WARMUP COUNT DEEP WORD [MISSING_WORD]
 * </pre>
 * MISSING_WORD, a word in no video, adds "miss": a search with no answer, which reads every row the caller may see.
 * Prints, per request kind, "name p50 p99 mean max items" (ms), and "cursor AT_MICROS VIDEO_ID" for the
 * deep page's cursor (so the same query can be run directly in the database).
 */
public class CatalogLatency {

    static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"");

    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String bearer;

    public static void main(String[] args) throws Exception {
        String api = args[0];
        bearer = "Bearer " + args[1];
        int warmup = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int deep = Integer.parseInt(args[4]);
        String word = args[5];

        String first = api + "videos?limit=50";
        String url = first;
        for (int p = 0; p < deep; p++) {
            Matcher m = NEXT.matcher(send(get(url)));
            if (!m.find()) {
                throw new IllegalStateException("the list ended after " + p + " pages");
            }
            url = api + "videos?limit=50&cursor=" + m.group(1);
        }
        String deepUrl = url;
        String cursor = deepUrl.substring(deepUrl.indexOf("cursor=") + 7);
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        System.out.println("cursor " + plain.replace(':', ' '));

        String body = "{\"text\":\"" + word + "\",\"limit\":50}";
        time("first", () -> get(first), warmup, count);
        time("deep", () -> get(deepUrl), warmup, count);
        time("search", () -> search(api, body), warmup, count);
        if (args.length > 6) {
            String none = "{\"text\":\"" + args[6] + "\",\"limit\":50}";
            time("miss", () -> search(api, none), warmup, count);
        }
    }

    static HttpRequest search(String api, String body) {
        return HttpRequest.newBuilder(URI.create(api + "videos/search")).header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).GET().build();
    }

    static String send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.uri().getPath() + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    static void time(String name, Supplier<HttpRequest> request, int warmup, int count) throws Exception {
        int items = 0;
        for (int i = 0; i < warmup; i++) {
            send(request.get());
        }
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            HttpRequest r = request.get();
            long t0 = System.nanoTime();
            String body = send(r);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (i == 0) {
                Matcher m = ID.matcher(body);
                while (m.find()) {
                    items++;
                }
            }
        }
        Arrays.sort(ms);
        double mean = Arrays.stream(ms).average().orElse(0);
        System.out.printf("%s %.2f %.2f %.2f %.2f %d%n", name, pct(ms, 50), pct(ms, 99), mean, ms[count - 1], items);
    }

    /** Nearest-rank percentile. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
