/**
 * JSON for API records, the engine's {@code DataCodec}: Jackson configured so that the API needs no
 * Jackson annotations (identifiers written as plain strings, the request events' {@code type} property
 * from a mix-in over the sealed interface). Providers receive it through their {@code ProviderContext}
 * to store API records without a mapping of their own. Internal to the engine.
 */
package dev.supportkit.core.internal.json;
