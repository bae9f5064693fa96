import com.pulsevault.transcode.Ladder;
import com.pulsevault.transcode.LadderCommand;
import com.pulsevault.transcode.MediaProbe;

import java.nio.file.Path;
import java.util.List;

/**
 * Prints, one argument a line, the exact ffmpeg arguments the worker uses for a source, so that
 * bench/transcode-bench.sh measures the project's own command:
 *   java -cp vault-worker/target/classes:vault-ejb/target/classes bench/PrintLadderCommand.java SRC OUTDIR W H SECONDS
 */
public class PrintLadderCommand {
    public static void main(String[] a) {
        MediaProbe probe = new MediaProbe("mov", Double.parseDouble(a[4]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), true);
        Ladder ladder = Ladder.of(List.of("240p", "360p", "480p", "720p", "1080p"));
        LadderCommand.arguments(Path.of(a[0]), probe, ladder.forSource(probe.width(), probe.height()), 4, 0, Path.of(a[1]))
                .forEach(System.out::println);
    }
}
