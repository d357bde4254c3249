package dev.supportkit.api.directory;

import dev.supportkit.api.request.Channel;

/**
 * One way to reach a person: a channel and the address on it.
 *
 * @param channel the channel, e.g. {@link Channel#EMAIL}
 * @param address the address on that channel: an e-mail address, a phone or fax number in
 *                international form, a webhook URL
 */
public record ContactPoint(Channel channel, String address) {
}
