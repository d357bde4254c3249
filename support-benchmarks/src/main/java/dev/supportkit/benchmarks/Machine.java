package dev.supportkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/** A one-line description of the machine the benchmarks ran on. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s; %d cores; %.1f GiB RAM; max heap %.1f GiB; Java %s; %s",
                cpuModel(), rt.availableProcessors(), totalMemoryGiB(), rt.maxMemory() / 1073741824.0,
                System.getProperty("java.version"), postgresVersion());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static double totalMemoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) / 1048576.0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String postgresVersion() {
        try (BenchDatabase db = new BenchDatabase("version"); Connection c = db.connect();
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1);
        } catch (Exception e) {
            return "PostgreSQL (version unknown)";
        }
    }
}
