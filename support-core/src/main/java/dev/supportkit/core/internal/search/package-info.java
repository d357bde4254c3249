/**
 * The engine's built-in search index ({@code lucene}): an embedded Apache Lucene index of
 * solution-base articles and FAQ entries, implementing {@link dev.supportkit.spi.search.SearchIndex}.
 *
 * <p>Each title and body is indexed twice, once analysed for Russian and once for English, so a word is
 * found in any of its grammatical forms in either language; a query is parsed here, never by Lucene's
 * query parser, so no user text is query syntax. The index lives in memory unless
 * {@code supportkit.providers.lucene.directory} names a directory for a persistent one. The index is a
 * derived copy of the documents in storage and can always be rebuilt from it.
 */
package dev.supportkit.core.internal.search;
