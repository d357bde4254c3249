package dev.supportkit.inbound.email;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.inbound.InboundSource;
import dev.supportkit.spi.inbound.InboundSourceFactory;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.state.ProviderStateStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real factory, keeping every source it created so a test can read its outcomes. */
final class RecordingInboundFactory implements InboundSourceFactory {
    private final InboundEmailSourceFactory factory = new InboundEmailSourceFactory();
    final List<InboundEmailSource> created = new CopyOnWriteArrayList<>();
    final List<ProviderStateStore> states = new CopyOnWriteArrayList<>();
    final List<ProviderContext> contexts = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return factory.id();
    }

    @Override
    public List<Setting<?>> settings() {
        return factory.settings();
    }

    @Override
    public InboundSource create(ProviderContext context) {
        InboundEmailSource source = (InboundEmailSource) factory.create(context);
        created.add(source);
        states.add(context.state());
        contexts.add(context);
        return source;
    }

    InboundEmailSource last() {
        return created.get(created.size() - 1);
    }
}
