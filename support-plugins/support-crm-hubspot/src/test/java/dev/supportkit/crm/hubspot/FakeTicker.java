package dev.supportkit.crm.hubspot;

import dev.supportkit.crm.common.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that advances by the pauses asked of it, without sleeping; remembers every pause. */
final class FakeTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public long nanos() {
        return nanos.get();
    }

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
        nanos.addAndGet(duration.toNanos());
    }
}
