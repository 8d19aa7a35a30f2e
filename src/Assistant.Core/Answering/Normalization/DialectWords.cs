namespace Assistant.Answering.Normalization;

/// <summary>
/// Interrogatives and function words of Levantine, Egyptian, Gulf, Iraqi and Maghrebi Arabic, with the Modern Standard
/// Arabic word that asks the same thing, so the rest of the answerer reads one language; and the press's names for an
/// office by its seat or field («سيد الكرملين», «رئيس الدبلوماسية الأمريكية»), read as the office, and a capital by
/// its country's adjective («العاصمة الكازاخية»), read as the city. Only words that cannot be read otherwise are
/// listed: «راح» (went / will) and «حق» (right / of) are left as they are.
/// </summary>
internal static class DialectWords
{
    private static readonly Dictionary<string, string> Listed = new(StringComparer.Ordinal)
    {
        // what
        ["شو"] = "ماذا", ["شنو"] = "ماذا", ["شنهو"] = "ماذا", ["شنوا"] = "ماذا", ["اشنو"] = "ماذا", ["إيش"] = "ماذا", ["ايش"] = "ماذا",
        ["وش"] = "ماذا", ["إيه"] = "ماذا", ["ايه هو"] = "ما هو", ["ايه هي"] = "ما هي", ["شو هو"] = "ما هو", ["شو هي"] = "ما هي",
        ["إيش هو"] = "ما هو", ["وش هو"] = "ما هو", ["شو اللي"] = "ما الذي", ["ايش اللي"] = "ما الذي", ["إيه اللي"] = "ما الذي", ["وش اللي"] = "ما الذي",
        ["شنو اللي"] = "ما الذي", ["شنو لي"] = "ما الذي", ["اشنو لي"] = "ما الذي", ["واش"] = "هل",
        ["آش"] = "ماذا", ["أش"] = "ماذا", ["اش"] = "ماذا", ["آشنو"] = "ماذا", ["أشنو"] = "ماذا", ["آش هو"] = "ما هو", ["آش اللي"] = "ما الذي", // Maghrebi
        // where
        ["وين"] = "أين", ["فين"] = "أين", ["وينه"] = "أين", ["فينه"] = "أين", ["وين ما"] = "أين",
        // when
        ["متا"] = "متى", ["إمتى"] = "متى", ["امتى"] = "متى", ["إيمتى"] = "متى", ["ايمتى"] = "متى", ["امتا"] = "متى", ["إمتا"] = "متى", ["ايمتا"] = "متى",
        ["متين"] = "متى", ["متي"] = "متى", ["إلي متي"] = "إلى متى", ["الي متي"] = "إلى متى", ["لامتي"] = "إلى متى", // «ى» typed as «ي»
        ["لامتى"] = "إلى متى", ["لإمتى"] = "إلى متى", ["لحد امتى"] = "إلى متى", ["لحد إمتى"] = "إلى متى", ["وقتاش"] = "متى", ["إمتين"] = "متى", ["أمتى"] = "متى", ["اي وقت"] = "متى", ["أي وقت"] = "متى",
        // who
        ["مين"] = "من", ["شكون"] = "من", ["منو"] = "من", ["منهو"] = "من هو", ["منهي"] = "من هي", ["مين هو"] = "من هو", ["مين هي"] = "من هي",
        ["مين اللي"] = "من الذي", ["منو اللي"] = "من الذي", ["شكون اللي"] = "من الذي", ["شكون لي"] = "من الذي", ["هوما"] = "هم", ["هوم"] = "هم", ["همه"] = "هم",
        ["هني"] = "هم", ["هنن"] = "هم", ["هوي"] = "هو", ["هيي"] = "هي", // Levantine pronouns («مين هنّي الأطراف…»)
        // why
        ["ليش"] = "لماذا", ["ليه"] = "لماذا", ["علاش"] = "لماذا", ["لويش"] = "لماذا", ["ليشو"] = "لماذا", ["عشان ايه"] = "لماذا", ["علشان ايه"] = "لماذا",
        // how
        ["إزاي"] = "كيف", ["ازاي"] = "كيف", ["إزّاي"] = "كيف", ["كيفاش"] = "كيف", ["شلون"] = "كيف", ["كيفية"] = "كيف",
        // how much / how many
        ["قديش"] = "كم", ["قداش"] = "كم", ["أديش"] = "كم", ["اديش"] = "كم", ["كام"] = "كم", ["قد إيه"] = "كم", ["قد ايش"] = "كم", ["شقد"] = "كم", ["شكد"] = "كم", ["چم"] = "كم",
        // which
        ["أنهي"] = "أي", ["انهي"] = "أي", ["أنهو"] = "أي", ["انهو"] = "أي", ["ياتو"] = "أي", ["اياتو"] = "أي", ["اشمن"] = "أي", ["آشمن"] = "أي", ["أشمن"] = "أي", ["فاش من"] = "في أي", ["فأشمن"] = "في أي", ["فاشمن"] = "في أي",
        // relative and possessive particles, tense markers, demonstratives
        ["اللي"] = "الذي", ["يلي"] = "الذي", ["ال"] = "الذي", // Gulf and Iraqi «البيان ال صدر…»; an article typed apart from its noun is no word either
        ["تبع"] = "", ["تبعت"] = "", ["تبعون"] = "", ["بتاع"] = "", ["بتاعة"] = "", ["بتوع"] = "", ["ديال"] = "", ["متاع"] = "", ["نتاع"] = "",
        ["رح"] = "سوف", ["راح يكون"] = "سيكون", ["عم"] = "", ["هلق"] = "الآن", ["هلأ"] = "الآن", ["دلوقتي"] = "الآن", ["دلوقت"] = "الآن",
        ["هسه"] = "الآن", ["هسا"] = "الآن", ["الحين"] = "الآن", ["توا"] = "الآن", ["دابا"] = "الآن",
        ["هاد"] = "هذا", ["هادا"] = "هذا", ["هدا"] = "هذا", ["هاي"] = "هذه", ["هادي"] = "هذه", ["هذي"] = "هذه", ["ده"] = "هذا", ["دي"] = "هذه", ["هذاك"] = "ذلك",
        ["قدام"] = "أمام", ["كمان"] = "أيضا", ["برضه"] = "أيضا", ["تاني"] = "", ["التاني"] = "الآخر", ["التانية"] = "الأخرى", ["التانيه"] = "الأخرى", ["تانية"] = "أخرى", ["تانيه"] = "أخرى", ["زي"] = "مثل", ["مش"] = "ليس", ["مو"] = "ليس", ["ماش"] = "ليس",
        ["صار"] = "حدث", ["صارت"] = "حدثت", ["بصير"] = "يحدث", ["حكى"] = "قال", ["حكت"] = "قالت", ["حكوا"] = "قالوا", ["قالو"] = "قالوا",
        ["سمية"] = "اسم", ["سميتو"] = "اسمه", ["سميتها"] = "اسمها", ["سميتهم"] = "أسماؤهم", // Maghrebi «name»
        ["الشغل"] = "العمل", ["شغل"] = "عمل", ["شغلها"] = "عملها", ["شغله"] = "عمله", ["شغلهم"] = "عملهم",
        ["لسه"] = "", ["لسا"] = "", ["لسع"] = "", ["خلص"] = "انتهى", ["خلصت"] = "انتهت",
        ["اشتغل"] = "عمل", ["اشتغلو"] = "عملوا", ["اشتغلوا"] = "عملوا", ["يشتغل"] = "يعمل", ["تشتغل"] = "تعمل", ["بيشتغل"] = "يعمل", ["بتشتغل"] = "تعمل",
        ["يشيل"] = "يزيل", ["يشيلو"] = "يزيلوا", ["يشيلوا"] = "يزيلوا", ["تشيل"] = "تزيل", ["شال"] = "أزال", ["شاف"] = "رأى", ["بدو"] = "يريد", ["بدهم"] = "يريدون", ["عايز"] = "يريد", ["عاوز"] = "يريد",
        ["يبي"] = "يريد", ["يبغى"] = "يريد", ["تبي"] = "تريد", ["تبغى"] = "تريد", ["يبون"] = "يريدون", ["يبغون"] = "يريدون",
        ["عايزين"] = "يريدون", ["عاوزين"] = "يريدون", ["عايزة"] = "تريد",
        // «that» after a verb of saying, and Maghrebi «there is», «so that», «will», «a lot»
        ["بيها"] = "بها", ["بيه"] = "به", ["بيهم"] = "بهم", // Maghrebi and Egyptian «with it»
        ["بلي"] = "أن", ["إنو"] = "أن", ["انو"] = "أن",
        ["كاين"] = "يوجد", ["كاينة"] = "توجد", ["كاينه"] = "توجد", ["كاينين"] = "توجد", ["كاينا"] = "توجد", ["ماكاينش"] = "لا يوجد",
        ["باش"] = "", ["غادي"] = "", ["بزاف"] = "كثيرا", ["شحال"] = "كم", ["فوقاش"] = "متى", ["بحال"] = "مثل", ["بحال ما"] = "كما",
        ["هيدا"] = "هذا", ["هيدي"] = "هذه", ["هيك"] = "",
        // «these» and «those» across the dialects («الضامنين ديل», «هدول الوفود»); Egyptian «دول» is also «countries», and stays.
        ["هدول"] = "هؤلاء", ["هدولا"] = "هؤلاء", ["هذول"] = "هؤلاء", ["هذولا"] = "هؤلاء", ["هاذول"] = "هؤلاء", ["هادو"] = "هؤلاء", ["ديل"] = "هؤلاء",
        ["هادوك"] = "أولئك", ["هدوك"] = "أولئك",
        // The Egyptian and Sudanese future «ح» typed apart from its verb («ح تكون»).
        ["ح"] = "سوف",
        // Offices named by their seat or field, as the press writes them: «سيد البيت الأبيض» is the American president.
        ["سيد البيت الأبيض"] = "الرئيس الأمريكي", ["ساكن البيت الأبيض"] = "الرئيس الأمريكي",
        ["سيد الكرملين"] = "الرئيس الروسي", ["ساكن الكرملين"] = "الرئيس الروسي", ["سيد الإليزيه"] = "الرئيس الفرنسي",
        // A capital named by its country's adjective, as the press varies a city's name: «العاصمة الكازاخية» is Astana.
        ["العاصمة الروسية"] = "موسكو", ["العاصمة الأمريكية"] = "واشنطن", ["العاصمة الأميركية"] = "واشنطن", ["العاصمة السورية"] = "دمشق",
        ["العاصمة التركية"] = "أنقرة", ["العاصمة الإيرانية"] = "طهران", ["العاصمة الأردنية"] = "عمان", ["العاصمة الكازاخية"] = "أستانا",
        ["العاصمة الكازاخستانية"] = "أستانا", ["العاصمة الفيتنامية"] = "هانوي", ["العاصمة الألمانية"] = "برلين", ["العاصمة اللبنانية"] = "بيروت",
        ["العاصمة العراقية"] = "بغداد", ["العاصمة المصرية"] = "القاهرة", ["العاصمة السعودية"] = "الرياض", ["العاصمة الفرنسية"] = "باريس",
        ["العاصمة البريطانية"] = "لندن", ["العاصمة الصينية"] = "بكين", ["العاصمة الأوكرانية"] = "كييف", ["العاصمة القطرية"] = "الدوحة",
        // English and French interrogatives typed inside an Arabic question («How many civilians رجعوا…؟»).
        ["how many"] = "كم", ["how much"] = "كم", ["how long"] = "كم", ["when"] = "متى", ["where"] = "أين", ["who"] = "من", ["whom"] = "من",
        ["why"] = "لماذا", ["how"] = "كيف", ["which"] = "أي", ["what"] = "ما", ["combien"] = "كم", ["quand"] = "متى", ["où"] = "أين",
        ["pourquoi"] = "لماذا", ["comment"] = "كيف", ["qui"] = "من", ["quel"] = "أي", ["quelle"] = "أي", ["quels"] = "أي", ["quelles"] = "أي", ["quoi"] = "ماذا",
        // next
        ["الجاي"] = "القادم", ["الجاية"] = "القادمة", ["الجايه"] = "القادمة", ["الجاييه"] = "القادمة",
    };

    /// <summary>
    /// Countries by the adjective the press names their offices with («الأمريكي»): their foreign minister is also «رئيس
    /// الدبلوماسية الأمريكية», «رأس الدبلوماسية الأمريكية» or «الدبلوماسي الأمريكي الأول».
    /// </summary>
    private static readonly string[] OfficeAdjectives =
    [
        "الأمريكي", "الأميركي", "الروسي", "الإيراني", "التركي", "السوري", "الأردني", "الفرنسي", "البريطاني", "الألماني", "الصيني",
        "السعودي", "القطري", "المصري", "العراقي", "اللبناني", "الكازاخي", "الأوكراني",
    ];

    /// <summary>The words the press heads a foreign ministry's «الدبلوماسية» with.</summary>
    private static readonly string[] DiplomacyHeads = ["رئيس", "رأس"];

    /// <summary>The foreign minister's epithets, each read as the office: «رأس الدبلوماسية الروسية» is «وزير الخارجية الروسي».</summary>
    private static IEnumerable<KeyValuePair<string, string>> ForeignMinisterEpithets() =>
        OfficeAdjectives.SelectMany(adjective => DiplomacyHeads.Select(head => $"{head} الدبلوماسية {adjective}ة").Append($"الدبلوماسي {adjective} الأول")
            .Select(epithet => KeyValuePair.Create(epithet, $"وزير الخارجية {adjective}")));

    private static readonly Dictionary<string, string> Map = new(Listed.Concat(ForeignMinisterEpithets()), StringComparer.Ordinal);

    public static readonly PhraseTable Phrases = new(Map.Keys);

    private static readonly Dictionary<string, string> ByForm = Map
        .Select(pair => (Form: string.Join(' ', PhraseTable.FormsOf(pair.Key)), pair.Value))
        .DistinctBy(pair => pair.Form, StringComparer.Ordinal)
        .ToDictionary(pair => pair.Form, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>Dialect words, in matching form, read as an interrogative («شو»، «وين»، «قديش»).</summary>
    private static readonly HashSet<string> InterrogativeForms = ByForm
        .Where(pair => !pair.Key.Contains(' ') && QuestionVocabulary.Interrogatives.Contains(PhraseTable.FormsOf(pair.Value).FirstOrDefault() ?? ""))
        .Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a word (matching form, perhaps after «و» or «ف») is a dialect interrogative.</summary>
    public static bool Asks(string form) =>
        InterrogativeForms.Contains(form) || (form.Length > 2 && form[0] is 'و' or 'ف' && InterrogativeForms.Contains(form[1..]));

    /// <summary>Levantine and Gulf «ها» fused with the article: «هالبيان» is «هذا البيان», read as «البيان».</summary>
    private const string FusedDemonstrative = "هال";

    /// <summary>The shortest noun after <see cref="FusedDemonstrative"/>: «هالة» (halo) and «هالك» are words of their own.</summary>
    private const int MinFusedNoun = 3;

    /// <summary>
    /// The word without a demonstrative fused to its article («هالجهود» → «الجهود», «وهالبيان» → «والبيان»); null when
    /// it has none.
    /// </summary>
    public static string? WithoutFusedDemonstrative(ReadOnlySpan<char> word)
    {
        var at = word.Length > 0 && word[0] is 'و' or 'ف' ? 1 : 0;
        if (!word[at..].StartsWith(FusedDemonstrative, StringComparison.Ordinal) || word.Length - at - FusedDemonstrative.Length < MinFusedNoun) return null;
        return string.Concat(word[..at], "ال", word[(at + FusedDemonstrative.Length)..]);
    }

    /// <summary>
    /// Particles fused to the word they govern, with what they stand for and the fewest letters the word keeps after
    /// them: Levantine and Gulf «ع» (on, to) with the article («عالأرض» → «على الأرض»). (The Maghrebi present «ك»,
    /// «كيقول», is not here: the analyser already gives such a verb its stem as a second term, which keeps its weight.)
    /// </summary>
    private static readonly (string Fused, string Standard, int MinRest)[] FusedParticles =
    [
        ("عال", "على ال", 2),
    ];

    /// <summary>
    /// The word with its fused particle written out («وعالحدود» → «وعلى الحدود»); null when it opens with none. Many
    /// words open with the same letters («عالم», «عالمية»), so the caller takes this reading only when the
    /// documents never use the word as written and do use what is left.
    /// </summary>
    public static string? WithFusedParticle(ReadOnlySpan<char> word)
    {
        var at = word.Length > 0 && word[0] is 'و' or 'ف' ? 1 : 0;
        foreach (var (fused, standard, minRest) in FusedParticles)
        {
            if (word[at..].StartsWith(fused, StringComparison.Ordinal) && word.Length - at - fused.Length >= minRest)
            {
                return string.Concat(word[..at], standard, word[(at + fused.Length)..]);
            }
        }
        return null;
    }

    /// <summary>The standard form of the dialect phrase at <paramref name="from"/>, with the conjunction its first word carried.</summary>
    public static string Standard(IReadOnlyList<Word> words, int from, int length)
    {
        var (phrase, conjunction) = Phrases.Matched(words, from, length);
        var standard = ByForm[string.Join(' ', phrase)];
        return standard.Length == 0 ? conjunction : conjunction + standard;
    }
}
