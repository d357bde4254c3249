package dev.supportkit.core.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompactIdsTest {
    @Test
    @DisplayName("ids are 25 lower-case letters and digits, all different, and later ones sort after earlier ones")
    void compactUniqueAndOrderedByTime() {
        Instant start = Instant.parse("2026-03-12T09:00:00Z");
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = CompactIds.next(start.plusMillis(i));
            assertTrue(id.matches("[0-9a-z]{25}"), id);
            assertTrue(seen.add(id), "repeated: " + id);
            ids.add(id);
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(String::compareTo);
        assertEquals(ids, sorted, "ids of later milliseconds sort later");
        // the same millisecond: still all different
        for (int i = 0; i < 2_000; i++) {
            assertTrue(seen.add(CompactIds.next(start)));
        }
        assertEquals(25, CompactIds.next(Instant.EPOCH).length(), "padded to a fixed width");
    }
}
