package dev.supportkit.core.internal.search;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysers of the index. Russian fields use Lucene's {@link RussianAnalyzer} (Snowball stemming),
 * English fields its {@link EnglishAnalyzer} (Porter stemming); both drop the stop words of both
 * languages. A word with a Cyrillic letter is kept only in the Russian fields and any other word (Latin,
 * digits) only in the English fields: the Russian stemmer leaves Latin words as they are and the English
 * one Cyrillic words, so the other copy would only double the index and the work of every search without
 * finding anything more. Before either analyser runs, {@code ё} is folded to {@code е}, as Russian text
 * is written both ways: the Russian stemmer folds it too, but only after stop words are removed, so
 * without this {@code её} would be a term.
 */
final class Analysis implements AutoCloseable {
    private static final NormalizeCharMap YO;

    static {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("ё", "е");
        builder.add("Ё", "Е");
        YO = builder.build();
    }

    /** The per-field analyser the index writer uses and queries are analysed with. */
    final Analyzer fields;
    /** Splits query text into lower-case words, before any stemming. */
    final Analyzer words;
    private final Analyzer russian;
    private final Analyzer english;

    Analysis() {
        CharArraySet stopWords = new CharArraySet(RussianAnalyzer.getDefaultStopSet(), false);
        stopWords.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        CharArraySet both = CharArraySet.unmodifiableSet(stopWords);
        russian = new OneLanguage(new RussianAnalyzer(both), true);
        english = new OneLanguage(new EnglishAnalyzer(both), false);
        fields = new PerFieldAnalyzerWrapper(russian, Map.of(
                LuceneSearchIndex.TITLE_RU, russian, LuceneSearchIndex.BODY_RU, russian,
                LuceneSearchIndex.TITLE_EN, english, LuceneSearchIndex.BODY_EN, english));
        words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(YO, reader);
            }
        };
    }

    /**
     * Runs an analyser over a text.
     *
     * @param analyzer the analyser
     * @param field    the field whose analysis to apply
     * @param text     the text
     * @return the terms, in order
     * @throws IOException never in practice: the text is in memory
     */
    static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Override
    public void close() {
        fields.close();
        words.close();
        russian.close();
        english.close();
    }

    /**
     * @param term a term
     * @return whether it has a Cyrillic letter
     */
    static boolean isRussian(CharSequence term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.UnicodeBlock.of(term.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    /** A language analyser that folds {@code ё} to {@code е} first and keeps only its language's words. */
    private static final class OneLanguage extends AnalyzerWrapper {
        private final Analyzer delegate;
        private final boolean russian;

        OneLanguage(Analyzer delegate, boolean russian) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
            this.russian = russian;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            TokenStream own = new FilteringTokenFilter(components.getTokenStream()) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

                @Override
                protected boolean accept() {
                    return isRussian(term) == russian;
                }
            };
            return new TokenStreamComponents(components.getSource(), own);
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        protected Reader wrapReader(String fieldName, Reader reader) {
            return new MappingCharFilter(YO, reader);
        }

        @Override
        protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
            return new MappingCharFilter(YO, reader);
        }

        @Override
        public void close() {
            super.close();
            delegate.close();
        }
    }
}
