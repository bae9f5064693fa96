import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Uploads one file through the stock tus-java-client with PATCH requests of the given size, then
 * finalizes it; prints upload MB/s and the finalize round trip. Run by bench/upload-bench.sh:
 *   java -cp tus-java-client.jar bench/UploadBench.java <api base> <file> <MiB per PATCH> <access token>
 */
public class UploadBench {
    public static void main(String[] args) throws Exception {
        String api = args[0];
        File file = new File(args[1]);
        int payload = Integer.parseInt(args[2]) * 1024 * 1024;

        String bearer = "Bearer " + args[3];
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(api + "uploads"));
        client.setHeaders(java.util.Map.of("Authorization", bearer));
        TusUpload upload = new TusUpload(file);
        long start = System.nanoTime();
        TusUploader uploader = client.createUpload(upload);
        uploader.setChunkSize(2 * 1024 * 1024);
        uploader.setRequestPayloadSize(payload);
        while (uploader.uploadChunk() > -1) {
            // the client streams 2 MiB buffers into PATCH requests of `payload` bytes
        }
        uploader.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        String url = uploader.getUploadURL().toString();
        String id = url.substring(url.lastIndexOf('/') + 1);

        HttpRequest finalize = HttpRequest.newBuilder(URI.create(api + "uploads/finalize"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"uploadId\":\"" + id + "\",\"filename\":\"bench.mp4\"}"))
                .build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        http.send(HttpRequest.newBuilder(URI.create(api + "uploads")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()); // warm the connection so the finalize time is the server's work
        long f0 = System.nanoTime();
        HttpResponse<String> answer = http.send(finalize, HttpResponse.BodyHandlers.ofString());
        double finalizeMs = (System.nanoTime() - f0) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("finalize failed: " + answer.statusCode() + " " + answer.body());
        }
        double mb = file.length() / 1e6;
        System.out.printf("upload %4d MiB PATCHes: %7.1f MB/s (%.1f s for %.0f MB)   finalize: %6.1f ms%n",
                payload / (1024 * 1024), mb / seconds, seconds, mb, finalizeMs);
    }
}
