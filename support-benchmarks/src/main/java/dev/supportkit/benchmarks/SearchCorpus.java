package dev.supportkit.benchmarks;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.search.DocumentKind;
import dev.supportkit.spi.search.IndexedDocument;
import dev.supportkit.spi.search.SearchQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated solution base for the search benchmarks: half Russian, half English articles and FAQ
 * entries of a telephony vendor, written from word lists in which every word comes in several
 * grammatical forms (cases and numbers of nouns, persons and tenses of verbs, genders of adjectives),
 * with some English terms in Russian text; several system models, some documents internal. Queries are
 * written from the same lists in freely chosen forms, so only a morphology-aware index finds most of
 * them. The same seed gives the same corpus.
 *
 * <p>Besides {@link SearchLatency}, {@link SuggestionLatency} uses it: it loads {@link #articles()} into
 * an engine as solution-base files and writes requests from {@link #queries(int, int, int)} with longer
 * texts (6 to 15 words).
 */
final class SearchCorpus {
    /** The tenant the queries are run for. */
    static final TenantId TENANT = TenantId.of("bench");
    /** A second tenant holding a tenth of the documents, which the tenant filter must leave out. */
    static final TenantId OTHER_TENANT = TenantId.of("bench-other");
    /** The system models documents apply to. */
    static final List<String> MODELS = List.of("PBX-100", "PBX-200", "PBX-300", "IPT-10", "IPT-20", "GW-4", "GW-8",
            "SBC-1");

    /** A language of the corpus. */
    enum Language { RUSSIAN, ENGLISH }

    /**
     * One generated document.
     *
     * @param document the document as the index gets it
     * @param language the language it is written in
     * @param lexemes  indexes of the content words it uses, in {@link #lexicon(Language)}
     */
    record Article(IndexedDocument document, Language language, List<Integer> lexemes) {
    }

    /**
     * One generated search.
     *
     * @param query    the query
     * @param language the language of its text
     * @param firstWord the first content word of the text, as typed (for a single-term baseline)
     */
    record Query(SearchQuery query, Language language, String firstWord) {
    }

    // Every line is one word in several forms; the first form is the dictionary form.
    private static final String[] RU_NOUNS = {
        "телефон телефона телефону телефоном телефоне телефоны телефонов телефонами",
        "связь связи связью связей",
        "звонок звонка звонку звонком звонке звонки звонков",
        "линия линии линию линией линий линиям",
        "станция станции станцию станцией станций",
        "абонент абонента абоненту абонентом абоненты абонентов",
        "номер номера номеру номером номере номеров",
        "трубка трубки трубку трубкой трубок",
        "гарнитура гарнитуры гарнитуру гарнитурой гарнитур",
        "сервер сервера серверу сервером сервере серверов",
        "пароль пароля паролю паролем пароли паролей",
        "сеть сети сетью сетей",
        "маршрутизатор маршрутизатора маршрутизатором маршрутизаторе",
        "коммутатор коммутатора коммутатором коммутаторе коммутаторы",
        "прошивка прошивки прошивку прошивкой",
        "обновление обновления обновлению обновлением обновлении обновлений",
        "ошибка ошибки ошибку ошибкой ошибок ошибками",
        "настройка настройки настройку настройкой настроек",
        "регистрация регистрации регистрацию регистрацией",
        "соединение соединения соединению соединением соединении соединений",
        "вызов вызова вызову вызовом вызове вызовы вызовов",
        "переадресация переадресации переадресацию переадресацией",
        "очередь очереди очередью очередей",
        "оператор оператора оператору оператором операторы операторов",
        "запись записи записью записей",
        "голос голоса голосом голосе",
        "шум шума шумом шумы",
        "задержка задержки задержку задержкой задержек",
        "канал канала каналу каналом канале каналы каналов",
        "порт порта порту портом порты портов",
        "кабель кабеля кабелем кабели кабелей",
        "питание питания питанием питании",
        "экран экрана экраном экране",
        "кнопка кнопки кнопку кнопкой кнопок",
        "дисплей дисплея дисплеем дисплее",
        "батарея батареи батарею батареей",
        "лицензия лицензии лицензию лицензией лицензий",
        "модуль модуля модулем модуле модули",
        "интерфейс интерфейса интерфейсом интерфейсе",
        "адрес адреса адресом адресе адресов",
        "подключение подключения подключением подключении",
        "перезагрузка перезагрузки перезагрузку перезагрузкой",
        "сбой сбоя сбоем сбое сбои сбоев",
        "отчет отчета отчетом отчете отчеты",
        "журнал журнала журналом журнале",
        "сообщение сообщения сообщением сообщении сообщений",
        "почта почты почту почтой",
        "факс факса факсом факсе",
        "принтер принтера принтером принтере",
        "клиент клиента клиентом клиенты клиентов",
        "приложение приложения приложением приложении",
        "звук звука звуком звуке",
        "громкость громкости громкостью",
        "микрофон микрофона микрофоном микрофоне",
        "динамик динамика динамиком динамике",
        "сертификат сертификата сертификатом сертификаты",
        "база базы базу базой баз",
    };
    private static final String[] RU_VERBS = {
        "работает работают работал работала работало работать",
        "звонит звонят звонил звонила звонить",
        "включается включаются включился включилась включаться",
        "отключается отключаются отключился отключилась",
        "обрывается обрываются оборвался оборвалась",
        "зависает зависают зависла зависло",
        "перезагружается перезагружаются перезагрузился перезагрузилась",
        "регистрируется регистрируются зарегистрировался",
        "подключается подключаются подключился подключилась",
        "проходит проходят проходил проходила",
        "слышит слышат слышал слышала",
        "отвечает отвечают ответил ответила",
        "пропадает пропадают пропал пропала",
        "сбрасывается сбрасываются сбросился сбросилась",
        "отображается отображаются отображался отображалась",
        "печатает печатают печатал печатала",
        "отправляет отправляют отправил отправила",
        "принимает принимают принял приняла",
        "обновить обновите обновлен обновлена",
        "проверить проверьте проверен проверена",
        "настроить настройте настроен настроена",
        "заменить замените заменен заменена",
        "сбросить сбросьте сброшен сброшена",
        "перезапустить перезапустите перезапущен перезапущена",
        "установить установите установлен установлена",
        "указать укажите указан указана",
    };
    private static final String[] RU_ADJECTIVES = {
        "входящий входящая входящей входящую входящие входящих входящего",
        "исходящий исходящая исходящей исходящие исходящих исходящего",
        "внешний внешняя внешней внешние внешних",
        "внутренний внутренняя внутренней внутренние внутренних",
        "новый новая новой новые новых",
        "резервный резервная резервной резервную резервные резервного",
        "сетевой сетевая сетевого сетевые",
        "голосовой голосовая голосовые голосовых",
        "беспроводной беспроводная беспроводные беспроводного",
        "учетный учетная учетной учетную учетные",
        "плохой плохая плохое плохого",
        "низкий низкая низкое низкого",
        "неверный неверная неверного неверные",
        "пустой пустая пустое пустые",
        "удаленный удаленная удаленного удаленные",
    };
    private static final String[] RU_FUNCTION = {"не", "и", "в", "на", "после", "при", "для", "с", "без", "по",
        "от", "до", "через", "у", "из"};
    private static final String[] TERMS = {"SIP", "VLAN", "QoS", "DHCP", "NAT", "firmware", "PoE", "RTP", "codec",
        "G.711", "TLS", "VPN"};

    private static final String[] EN_NOUNS = {
        "call calls", "phone phones", "line lines", "trunk trunks", "extension extensions", "handset handsets",
        "headset headsets", "server servers", "password passwords", "network networks", "router routers",
        "switch switches", "firmware", "update updates", "error errors", "setting settings",
        "registration registrations", "connection connections", "transfer transfers", "queue queues",
        "agent agents", "recording recordings", "voice voices", "echo echoes", "noise", "delay delays",
        "channel channels", "port ports", "cable cables", "power", "screen screens", "button buttons",
        "display displays", "battery batteries", "license licenses", "module modules", "interface interfaces",
        "address addresses", "reboot reboots", "failure failures", "report reports", "log logs",
        "message messages", "voicemail voicemails", "fax faxes", "printer printers", "client clients",
        "application applications", "sound sounds", "volume", "microphone microphones", "speaker speakers",
        "certificate certificates", "database databases", "caller callers", "ringtone ringtones",
    };
    private static final String[] EN_VERBS = {
        "work works worked working", "ring rings rang ringing", "drop drops dropped dropping",
        "disconnect disconnects disconnected disconnecting", "freeze freezes froze freezing frozen",
        "restart restarts restarted restarting", "register registers registered registering",
        "connect connects connected connecting", "hear hears heard hearing", "answer answers answered answering",
        "fail fails failed failing", "reset resets resetting", "show shows showed showing shown",
        "print prints printed printing", "send sends sent sending", "receive receives received receiving",
        "update updates updated updating", "check checks checked checking",
        "configure configures configured configuring", "replace replaces replaced replacing",
        "install installs installed installing", "forward forwards forwarded forwarding",
        "hang hangs hung hanging", "crash crashes crashed crashing", "lose loses lost losing",
    };
    private static final String[] EN_ADJECTIVES = {"incoming", "outgoing", "external", "internal", "new", "backup",
        "wireless", "wrong", "empty", "remote", "slow", "loud", "silent", "one-way", "intermittent", "expired",
        "invalid", "missing", "poor", "duplicate"};
    private static final String[] EN_FUNCTION = {"the", "after", "when", "on", "in", "with", "without", "for",
        "from", "to", "during", "and", "not", "is", "does"};

    private static final List<String[]> RU_LEXICON = lexicon(RU_NOUNS, RU_VERBS, RU_ADJECTIVES);
    private static final List<String[]> EN_LEXICON = lexicon(EN_NOUNS, EN_VERBS, EN_ADJECTIVES);

    private final List<Article> articles;
    private final SplittableRandom random;

    private SearchCorpus(List<Article> articles, SplittableRandom random) {
        this.articles = articles;
        this.random = random;
    }

    /**
     * Generates a corpus.
     *
     * @param size how many documents, over both tenants
     * @param seed the random seed
     * @return the corpus
     */
    static SearchCorpus generate(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Article> articles = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Language language = i % 2 == 0 ? Language.RUSSIAN : Language.ENGLISH;
            TenantId tenant = i % 10 == 9 ? OTHER_TENANT : TENANT;
            DocumentKind kind = random.nextInt(5) == 0 ? DocumentKind.FAQ : DocumentKind.ARTICLE;
            Set<String> models = new LinkedHashSet<>();
            if (random.nextInt(10) >= 3) {
                int count = 1 + random.nextInt(3);
                while (models.size() < count) {
                    models.add(MODELS.get(random.nextInt(MODELS.size())));
                }
            }
            boolean visible = random.nextInt(5) != 0;
            List<Integer> used = new ArrayList<>();
            String title = capitalize(sentence(language, 3 + random.nextInt(5), used, random, false));
            StringBuilder body = new StringBuilder();
            String[] parts = language == Language.RUSSIAN
                    ? new String[] {"Симптомы:", "Причина:", "Решение:"}
                    : new String[] {"Symptoms:", "Cause:", "Resolution:"};
            for (int p = 0; p < parts.length; p++) {
                body.append(parts[p]).append(' ');
                int sentences = p == 2 ? 1 + random.nextInt(3) : 1;
                for (int s = 0; s < sentences; s++) {
                    body.append(capitalize(sentence(language, 8 + random.nextInt(8), used, random, true))).append(". ");
                }
            }
            if (!models.isEmpty() && random.nextBoolean()) {
                body.append(language == Language.RUSSIAN ? "Модели: " : "Models: ").append(String.join(", ", models))
                        .append('.');
            }
            String id = (kind == DocumentKind.FAQ ? "faq-" : "kb-") + i;
            articles.add(new Article(new IndexedDocument(tenant, kind, id, title, body.toString().trim(), models,
                    visible), language, List.copyOf(used)));
        }
        return new SearchCorpus(List.copyOf(articles), random);
    }

    /**
     * Returns the documents, in generation order.
     *
     * @return the documents, in generation order
     */
    List<Article> articles() {
        return articles;
    }

    /**
     * Generates searches of the benchmark tenant, alternating Russian and English: three in five take
     * their words from one of the tenant's documents (in other forms than it may use), the rest from the
     * whole word list; some have a function word ("не", "after") among them. Seven in ten filter by a system model, half are for a customer reader (internal
     * documents left out), one in five asks for one kind only; each asks for the best 10.
     *
     * @param count    how many
     * @param minWords the fewest content words in a text
     * @param maxWords the most content words in a text
     * @return the searches
     */
    List<Query> queries(int count, int minWords, int maxWords) {
        List<Article> own = articles.stream().filter(a -> a.document().tenant().equals(TENANT)).toList();
        List<Query> queries = new ArrayList<>(count);
        for (int q = 0; q < count; q++) {
            Language language = q % 2 == 0 ? Language.RUSSIAN : Language.ENGLISH;
            List<String[]> lexicon = lexicon(language);
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            List<String> text = new ArrayList<>();
            if (random.nextInt(5) < 3) {
                Article source;
                do {
                    source = own.get(random.nextInt(own.size()));
                } while (source.language() != language);
                for (int w = 0; w < words; w++) {
                    text.add(anyForm(lexicon.get(source.lexemes().get(random.nextInt(source.lexemes().size())))));
                }
            } else {
                for (int w = 0; w < words; w++) {
                    text.add(anyForm(lexicon.get(skewed(lexicon.size()))));
                }
            }
            if (words > 1 && random.nextInt(10) < 3) {
                String[] function = language == Language.RUSSIAN ? RU_FUNCTION : EN_FUNCTION;
                text.add(1 + random.nextInt(text.size()), function[random.nextInt(function.length)]);
            }
            Optional<String> model = random.nextInt(10) < 7
                    ? Optional.of(MODELS.get(random.nextInt(MODELS.size()))) : Optional.empty();
            boolean customer = random.nextBoolean();
            Set<DocumentKind> kinds = switch (random.nextInt(10)) {
                case 0 -> Set.of(DocumentKind.ARTICLE);
                case 1 -> Set.of(DocumentKind.FAQ);
                default -> Set.of();
            };
            queries.add(new Query(new SearchQuery(TENANT, String.join(" ", text), model, kinds, customer, 10),
                    language, text.get(0)));
        }
        return queries;
    }

    /**
     * @param language a language
     * @return its content words, each as its forms
     */
    static List<String[]> lexicon(Language language) {
        return language == Language.RUSSIAN ? RU_LEXICON : EN_LEXICON;
    }

    private static List<String[]> lexicon(String[]... groups) {
        List<String[]> all = new ArrayList<>();
        for (String[] group : groups) {
            for (String line : group) {
                all.add(line.split(" "));
            }
        }
        return List.copyOf(all);
    }

    /** A run of words: content words in random forms, with function words and, rarely, technical terms. */
    private static String sentence(Language language, int length, List<Integer> used, SplittableRandom random,
                                   boolean withFunctionWords) {
        List<String[]> lexicon = lexicon(language);
        String[] function = language == Language.RUSSIAN ? RU_FUNCTION : EN_FUNCTION;
        List<String> words = new ArrayList<>();
        for (int w = 0; w < length; w++) {
            int roll = random.nextInt(10);
            if (withFunctionWords && roll < 3) {
                words.add(function[random.nextInt(function.length)]);
            } else if (roll == 9 && random.nextInt(3) == 0) {
                words.add(TERMS[random.nextInt(TERMS.length)]);
            } else {
                int lexeme = skewed(lexicon.size(), random);
                used.add(lexeme);
                String[] forms = lexicon.get(lexeme);
                words.add(forms[random.nextInt(forms.length)]);
            }
        }
        return String.join(" ", words);
    }

    /** An index favouring the front of a list, so some words are common and most are rare. */
    private static int skewed(int size, SplittableRandom random) {
        double r = random.nextDouble();
        return (int) (size * r * r);
    }

    private int skewed(int size) {
        return skewed(size, random);
    }

    private String anyForm(String[] forms) {
        return forms[random.nextInt(forms.length)];
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
