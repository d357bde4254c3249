package dev.supportkit.crm.common.testing;

import dev.supportkit.core.testing.CrmAdapterContract;

/**
 * The CRM contract kit against a fake on {@link WireMockCrm}: the outages and the lost comment answer are the
 * fake's own; a CRM's contract test names its fake and states the rest.
 */
public abstract class WireMockCrmContract extends CrmAdapterContract {
    /**
     * Returns the fake CRM the adapter's settings point at.
     *
     * @return the fake
     */
    protected abstract WireMockCrm fake();

    @Override
    protected void outage(Outage outage) {
        fake().outage(outage);
    }

    @Override
    protected void loseNextCommentAnswer() {
        fake().loseNextCommentAnswer();
    }
}
