package dev.supportkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every benchmark (on the local PostgreSQL; the search benchmark needs none) and writes
 * {@code target/benchmark-results.json} and {@code target/benchmarks.md}. Pass {@code --quick} for a short smoke run. Exits with 1 when a target
 * is missed.
 */
public final class BenchmarkMain {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkMain.class);

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args {@code --quick} for short runs; {@code --only=<name prefix>} to run some
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7))
                .findFirst().orElse("");
        Settings settings = quick ? Settings.QUICK : Settings.FULL;
        List<Result> results = new ArrayList<>();
        if ("intake".startsWith(only) || only.startsWith("intake")) {
            LOG.info("intake throughput (1 and 8 threads) ...");
            results.addAll(IntakeThroughput.run(settings));
        }
        if ("write-cost".startsWith(only) || only.startsWith("write")) {
            LOG.info("write cost against the fixed anchor (throughput, WAL per registration and per life) ...");
            results.addAll(WriteCost.run(settings));
        }
        if ("queue".startsWith(only) || only.startsWith("queue")) {
            LOG.info("queue page and export over {} requests ...", settings.openRequests());
            results.addAll(QueuePage.run(settings));
        }
        if ("reports".startsWith(only) || only.startsWith("reports")) {
            LOG.info("quality metrics over {} requests ...", settings.openRequests());
            results.addAll(ReportQueries.run(settings));
        }
        if ("bulk-import".startsWith(only)) {
            LOG.info("bulk import ...");
            results.add(BulkImport.run(settings));
        }
        if ("heap".startsWith(only)) {
            LOG.info("heap per open request ...");
            results.add(HeapPerRequest.run());
        }
        if ("deadline-sweep".startsWith(only)) {
            LOG.info("deadline sweep over {} open requests ...", settings.openRequests());
            results.add(DeadlineSweep.run(settings));
        }
        if ("search".startsWith(only) || only.startsWith("search")) {
            LOG.info("search latency over {} generated articles ...", settings.searchArticles());
            results.addAll(SearchLatency.run(settings));
        }
        if ("suggestions".startsWith(only) || only.startsWith("suggestions")) {
            LOG.info("suggestion latency for {} requests over {} generated articles ...", settings.suggestionRequests(),
                    settings.searchArticles());
            results.addAll(SuggestionLatency.run(settings));
        }
        if ("export".startsWith(only) || only.startsWith("export")) {
            long rows = quick ? 100_000 : 1_000_000;
            LOG.info("report export of {} rows to CSV and XLSX ...", rows);
            results.addAll(ExportThroughput.run(rows));
        }
        if ("relay".startsWith(only) || only.startsWith("relay")) {
            LOG.info("relaying {} events of one request to RabbitMQ, NATS and MQTT against plain publish loops ...",
                    RelayThroughput.EVENTS_PER_REQUEST);
            results.addAll(RelayThroughput.run(settings));
        }
        Path target = Path.of(System.getProperty("supportkit.bench.output", "target"));
        write(target, results, quick);
        results.forEach(r -> LOG.info(String.format(Locale.ROOT, "%-40s %12.1f %-12s baseline %12.1f  ratio %.3f  %s",
                r.name(), r.value(), r.unit(), r.baselineValue(), r.ratio(), r.met() ? "met" : "MISSED " + r.target())));
        if (results.stream().anyMatch(r -> !r.met())) {
            System.exit(1);
        }
    }

    private static void write(Path target, List<Result> results, boolean quick) throws IOException {
        Files.createDirectories(target);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", Machine.describe());
        document.put("mode", quick ? "quick" : "full");
        document.put("results", results);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(target.resolve("benchmark-results.json").toFile(), document);
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | SupportKit | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f %s | %.1f %s | %.3f | %s | %s |%n", r.name(), r.value(),
                    r.unit(), r.baselineValue(), r.unit(), r.ratio(), r.target(), r.met() ? "yes" : "**no**"));
        }
        md.append("\nMachine: ").append(Machine.describe()).append('\n');
        Files.writeString(target.resolve("benchmarks.md"), md.toString());
    }
}
