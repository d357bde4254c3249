package dev.supportkit.crm.common.testing;

import dev.supportkit.crm.common.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that advances by the pauses asked of it, without sleeping; remembers every pause. */
public final class FakeTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong();
    /** Every pause asked for, in order. */
    public final List<Duration> pauses = new CopyOnWriteArrayList<>();

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
