/**
 * The solution base and the FAQ (A/01.3, A/02.3, B/01.6), the implementation of
 * {@code KnowledgeService}: articles and FAQ entries kept in storage as versioned catalogue records,
 * their derived copy in the search index written after each commit and rebuilt from storage when
 * needed, searches and suggestions for a request, and solution-base files (YAML or JSON) loaded at
 * start. Internal to the engine.
 */
package dev.supportkit.core.internal.knowledge;
