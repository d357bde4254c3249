package dev.supportkit.core.internal.inform;

import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.request.CommandHook;
import dev.supportkit.core.internal.request.CompactIds;
import dev.supportkit.core.internal.request.HookContext;
import dev.supportkit.core.internal.request.RequestCommands.Message;
import dev.supportkit.spi.storage.OutboxMessage;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records an outbox row for each message a command decided on (a customer notice, a deadline warning to a
 * specialist), carrying the request's subject and status at the time plus the topic's own values. What the
 * request holds for good (its id, organisation and representative) is not repeated in every row: the
 * dispatcher adds it to the template variables when it sends the message. The idempotency key names the request, its journal head, the topic and the recipient, so a retried
 * delivery is recognised by the channel.
 */
public final class OutboxMessageHook implements CommandHook {
    private final JacksonCodec codec;

    /**
     * @param codec JSON for the payloads
     */
    @Inject
    public OutboxMessageHook(JacksonCodec codec) {
        this.codec = codec;
    }

    @Override
    public void afterChange(HookContext context) {
        for (Message message : context.messages()) {
            context.tx().enqueueOutbox(outboxMessage(context.after(), message, context));
        }
    }

    private OutboxMessage outboxMessage(Request request, Message message, HookContext context) {
        String topic = message.topic().topic();
        String recipient = message.recipient() == null ? request.representative().value() : message.recipient();
        Map<String, Object> payload = new TreeMap<>();
        payload.put("subject", request.subject());
        payload.put("status", request.status().name());
        payload.putAll(message.extras());
        return OutboxMessage.builder().id(CompactIds.next(context.now())).tenant(request.tenant()).request(request.id())
                .topic(topic).recipient(recipient).payload(codec.toJson(payload))
                .idempotencyKey(request.id().value() + ":" + request.journalSequence() + ":" + topic + ":" + recipient)
                .createdAt(context.now()).build();
    }

    @Override
    public int order() {
        // Before the hooks that react to what the change recorded.
        return -1000;
    }
}
