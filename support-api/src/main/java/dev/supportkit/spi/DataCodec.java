package dev.supportkit.spi;

/**
 * Turns API records (requests, directory entries, events) into JSON text and back, so a provider can
 * store them without its own mapping. Supplied by the engine.
 */
public interface DataCodec {
    /**
     * @param value an API record
     * @return its JSON text
     */
    String toJson(Object value);

    /**
     * @param json JSON text written by {@link #toJson(Object)}
     * @param type the record type
     * @param <T>  the record type
     * @return the record
     */
    <T> T fromJson(String json, Class<T> type);
}
