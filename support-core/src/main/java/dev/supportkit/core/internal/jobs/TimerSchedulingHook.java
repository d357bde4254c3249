package dev.supportkit.core.internal.jobs;

import dev.supportkit.core.internal.request.CommandHook;
import dev.supportkit.core.internal.request.HookContext;
import dev.supportkit.core.internal.request.RequestCommands.TimerDraft;
import dev.supportkit.spi.storage.TimerRecord;
import java.util.UUID;

/**
 * Schedules, in the command's transaction, the timers a command decided on (e.g. an executor's deadline);
 * {@link DueWorkProcessor} hands each to its {@link TimerHandler} when it falls due.
 */
public final class TimerSchedulingHook implements CommandHook {
    /** Creates the hook. */
    public TimerSchedulingHook() {
    }

    @Override
    public void afterChange(HookContext context) {
        for (TimerDraft timer : context.timers()) {
            context.tx().scheduleTimer(new TimerRecord(UUID.randomUUID().toString(), context.after().tenant(),
                    context.after().id(), timer.kind(), timer.dueAt(), timer.payload(), 0));
        }
    }

    @Override
    public int order() {
        return -1000;
    }
}
