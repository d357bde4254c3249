package dev.supportkit.benchmarks;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Heap the engine holds per open request: requests live in the database, so it should hold none. The
 * baseline is the heap the same requests take when held as snapshots in a list, as an engine that
 * kept them in memory would.
 */
final class HeapPerRequest {
    private static final int OPEN = 5_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapPerRequest() {
    }

    static Result run() throws Exception {
        try (BenchDatabase db = new BenchDatabase("heap"); Fixture fx = new Fixture(db, 4)) {
            for (int i = 0; i < 200; i++) {
                fx.engine.intake().registerContact(fx.operator, Fixture.contact());
            }
            long before = usedHeap();
            for (int i = 0; i < OPEN; i++) {
                fx.engine.intake().registerContact(fx.operator, Fixture.contact());
            }
            long after = usedHeap();
            double engineBytes = Math.max(0, after - before) / (double) OPEN;

            Actor auditor = Actor.staff("aud", "Auditor", Role.AUDITOR, Fixture.TENANT);
            long listBefore = usedHeap();
            List<Request> held = fx.engine.quality().requests(auditor, RequestQuery.builder().limit(1000).build());
            long listAfter = usedHeap();
            double heldBytes = Math.max(1, listAfter - listBefore) / (double) held.size();
            return new Result("heap-per-open-request", "bytes", engineBytes, heldBytes, engineBytes / heldBytes,
                    "ratio <= 0.05 (requests live in the database)", engineBytes / heldBytes <= 0.05,
                    "the same requests held in memory as snapshots (" + held.size() + " measured)");
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
