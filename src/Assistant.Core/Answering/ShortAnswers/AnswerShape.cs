using Assistant.Analysis;
using Assistant.Storage;

namespace Assistant.Answering.ShortAnswers;

/// <summary>What a short answer is cut to: the phrase an interrogative asks for.</summary>
internal enum AnswerShape
{
    /// <summary>متى، في أي يوم، ما تاريخ: a date, or the event that bounds it («حتى القضاء على داعش»).</summary>
    Date,
    /// <summary>كم، ما عدد: a number with what it counts.</summary>
    Number,
    /// <summary>أين، في أي مدينة: a place after its preposition («في هامبورغ بألمانيا»).</summary>
    Place,
    /// <summary>من هو، من + a verb: the person or body named next to the question's words.</summary>
    Person,
    /// <summary>أي X، ما X الذي، إلامَ: the thing named next to the question's words.</summary>
    Thing,
    /// <summary>هل: yes or no when the text decides it, with the deciding words.</summary>
    YesNo,
    /// <summary>لماذا: the purpose or cause that the text gives («لضمان…»).</summary>
    Reason,
    /// <summary>ماذا، كيف and anything else: the clause that answers, without the words the question already says.</summary>
    Clause,
}

/// <param name="Shapes">What each part of the question asks for, in order: one, or two for «أين ومتى…؟».</param>
/// <param name="Anchors">Words the text names the answer right after, as forms and terms: the noun that names what is asked
/// («مدينة» in «في أي مدينة»: «مدينة البوكمال»), the word before «أي» («بين أي أجهزة»: «بين استخبارات البلدين»), the verb
/// after «من» («من تابع…»: «وتابع وزيرا خارجية البلدين»).</param>
/// <param name="Referents">Weaker anchors: a noun whose pronoun stands for what is asked («عملية تحريرها» → «تحرير الرقة»);
/// most such pronouns stand for something else («استعدادها لبحثها»).</param>
/// <param name="Adjectives">The adjectives of the anchors' nouns, in matching form without the article («دولي» for «الدول»):
/// the analyser gives them the noun's term, but «الاجتماع الدولي الخاص…» does not name what «ما الدول» asks for.</param>
/// <param name="VerbKeys">The anchors' <see cref="AnswerShapes.VerbKey"/>s: a verb the analyser stems apart by its person or
/// object («تلقاه» and «تلقى», «توقعه» and «يتوقع») still anchors the answer.</param>
/// <param name="OrNot">The question ends by offering "or not" («…ولا لأ؟»): its «لا» negates nothing it says.</param>
/// <param name="Qualifiers">The terms of the word after the place noun («فيتنامية» in «في أي مدينة فيتنامية»): the country the
/// place asked for is in («فى دا نانغ بفيتنام»).</param>
/// <param name="AboutTopic">The question asks about a topic («…عن الخلافات», «بخصوص…»): a «ماذا» question then asks what the
/// text says of it, not what follows its verb (often the speaker's name after «قال»).</param>
/// <param name="Introducers">Opening letters of words the text introduces the asked kind of answer by («بصفت» for «بأي صفة»).</param>
/// <param name="SecondAnchors">The anchors of a second part that opens after a comma («…، وتحت رعاية من…»): its own, not the first part's.</param>
internal sealed record ShortAnswerAsk(IReadOnlyList<AnswerShape> Shapes, IReadOnlySet<string> Anchors, IReadOnlySet<string> Referents, IReadOnlySet<string> Adjectives, IReadOnlySet<string> VerbKeys, bool OrNot = false, IReadOnlySet<string>? SecondAnchors = null, IReadOnlySet<string>? Qualifiers = null, IReadOnlySet<string>? Introducers = null, bool AboutTopic = false)
{
    /// <summary>Whether the word (in matching form, with or without «و») opens with a word the answer is introduced by.</summary>
    public bool Introduces(string form)
    {
        if (Introducers is not { Count: > 0 } introducers) return false;
        var bare = Unjoined(form);
        if (IntroducerWords.Contains(form)) return true;
        foreach (var introducer in introducers)
        {
            if (bare.StartsWith(introducer, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The terms of the word right after the interrogative («الدول» in «ما الدول…»): what names the kind of answer, said
    /// in the text as part of the answer's own name («جمهورية إيران…»), not before it.</summary>
    public IReadOnlySet<string> Kinds { get; init; } = new HashSet<string>();

    /// <summary>Words, in matching form, that introduce the asked kind of answer as whole words only («إلى» before a
    /// destination): as opening letters they would open other words («اليوم»). Counted among <see cref="Introducers"/>.</summary>
    public IReadOnlySet<string> IntroducerWords { get; init; } = new HashSet<string>();

    /// <summary>Whether the word after the first interrogative is a noun («ما المذكرة…», «أي جهاز…»), not the verb it asks with («من تابع…»).</summary>
    public bool KindIsNoun { get; init; }

    /// <summary>The terms of the topic a question asks what was said about («الخلافات» in «ماذا قال… عن الخلافات؟»): the
    /// clause that answers says it.</summary>
    public IReadOnlySet<string> Topic { get; init; } = new HashSet<string>();

    /// <summary>The terms of what the question sets aside («غير سوريا», «إلى جانب سوريا», «سوى داعش»): the answer is another
    /// of its kind, said where the text says it in parallel (<see cref="PhraseCutter"/>), not the thing set aside.</summary>
    public IReadOnlySet<string> Excluded { get; init; } = new HashSet<string>();

    /// <summary>The words of what the question sets aside, in matching form without «و»: the text lists another item beside
    /// it only where it says it as the question does («بسوريا وعمل مشترك…» joins «إنهاء الحرب» and «عمل», not «سوريا»).</summary>
    public IReadOnlySet<string> ExcludedForms { get; init; } = new HashSet<string>();

    /// <summary>Whether a word of the text (in matching form, with or without «و») is said as the question says what it sets aside.</summary>
    public bool SaysAsSetAside(string form) => ExcludedForms.Contains(Unjoined(form));

    /// <summary>A word in matching form without the «و» joined to it (a word of three letters keeps its «و»: «وفد»).</summary>
    public static string Unjoined(string form) => form.Length > 3 && form[0] == 'و' ? form[1..] : form;

    /// <summary>«أي دولة رأى أنها…؟», «لأي بلد…؟», «ما الدولة الأوروبية التي…؟»: a country asked as who or what, not where
    /// («في أي بلد…»): its name answers wherever the text says it («روسيا تتحمل…», «عن كوريا الشمالية»).</summary>
    public bool AsksCountry { get; init; }

    /// <summary>«تحت إشراف مين…؟», «تحت رعاية من…؟»: "who" is the object of a noun, and the answer is named right after that
    /// noun («تحت إشراف الأمم المتحدة»), not among the members a listing connective opens («بما في ذلك الإصلاح الدستوري…»).</summary>
    public bool OwnedByNoun { get; init; }

    /// <summary>«لمن…؟»: the person asked for is said with «ل» («امتنانها لرئيس جمهورية كازاخستان»).</summary>
    public bool ToWhom { get; init; }

    /// <summary>«ماذا يحدث إذا لم…؟»: the question's condition is negated; the text's condition that is negated too leads to what it asks.</summary>
    public bool NegatedCondition { get; init; }

    /// <summary>«إلى متى…؟», «منذ متى…؟»: the words that open the bound asked for («حتى تحقيق الهزيمة…», «منذ زمن»); null when
    /// «متى» asks for a date.</summary>
    public IReadOnlySet<string>? BoundOpeners { get; init; }

    /// <summary>«إلى ماذا دعا…», «إلامَ دعا…»: the preposition the question fronts with its verb, which places the answer only
    /// after that verb (<see cref="GovernedPreposition"/>).</summary>
    public GovernedPreposition Governed { get; init; } = GovernedPreposition.None;

    /// <summary>Where a second interrogative's clause starts when a clause mark sets it apart from the first («…بحسب بوتين، |وتحت
    /// رعاية من ستسير التسوية السياسية؟»): its words are its own, not the first's; null when none does («أين ومتى عُقد…»).</summary>
    public int? SecondStart { get; init; }

    /// <summary>What part <paramref name="n"/> (0 or 1) asks with: a second part after a comma has anchors of its own.</summary>
    public ShortAnswerAsk ForPart(int n) => n == 1 && SecondAnchors is { } second ? this with { Anchors = second } : this;
}

/// <summary>
/// A preposition the question fronts with «ماذا» before its verb («إلى ماذا دعا…», «إلامَ دعا…», «على ماذا اتفق…»): the
/// verb's own complement. In the text it follows that verb («ودعيا جميع الدول الأعضاء… إلى زيادة مساهمتها»); the same
/// preposition after another word of the sentence («بحثا الحاجة المستمرة إلى خفض المعاناة») opens something else.
/// </summary>
/// <param name="Forms">The preposition, in matching form («الي»).</param>
/// <param name="VerbTerms">The terms of the verb that governs it.</param>
/// <param name="VerbKeys">That verb's <see cref="AnswerShapes.VerbKey"/>: the text may say it in another person («دعيا» for «دعا»).</param>
/// <param name="Prefixes">The preposition as the letter the text fuses to its object («ب» of «بماذا رحّب…»: «رحب الرئيسان
/// اليوم بمذكرة المبادئ»): a word that opens with it after the verb opens the answer.</param>
/// <param name="Resumed">The preposition whose pronoun ends the question's relative clause («…تصميمهما عليه؟»), in matching
/// form: the answer follows it only where the word that governs it stands before it («تصميمهما على دحر داعش»).</param>
internal sealed record GovernedPreposition(IReadOnlySet<string> Forms, IReadOnlySet<string> VerbTerms, IReadOnlySet<string> VerbKeys, IReadOnlySet<char>? Prefixes = null, IReadOnlySet<string>? Resumed = null)
{
    public static readonly GovernedPreposition None = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <summary>The shortest word that is a prefix and a noun or verbal noun («بحث» is no «ب» + «حث»): three letters after it.</summary>
    private const int MinPrefixedLength = 4;

    /// <summary>How many words the verb's subject and object may take between it and its preposition («دعيا جميع الدول الأعضاء
    /// في الأمم المتحدة إلى…»: seven).</summary>
    private const int MaxReach = 10;

    /// <summary>
    /// Whether the preposition at word <paramref name="at"/> may place the answer: it is not the fronted one, or the question's
    /// verb stands before it in its sentence, within <see cref="MaxReach"/> words. A text that never says the verb (it words
    /// it otherwise) gives no such sign, and every such preposition may place it.
    /// </summary>
    public bool Places(CitedWords quote, int at)
    {
        var words = quote.Words;
        if (Forms.Count == 0 || !Forms.Contains(words[at].Form) || !quote.Words.Any(Governs)) return true;
        return GovernedAt(quote, at);
    }

    /// <summary>
    /// Whether new word <paramref name="at"/> opens the object of the governed preposition: it opens with one of the
    /// <see cref="Prefixes"/> («ورحب الرئيسان اليوم | بمذكرة المبادئ» for «بماذا رحّب الرئيسان…»), or follows a
    /// <see cref="Resumed"/> preposition, with the governing word before it in its sentence, within <see cref="MaxReach"/> words.
    /// </summary>
    public bool Opens(CitedWords quote, int at)
    {
        var word = quote.Words[at];
        if (!word.New || word.Function) return false;
        if (Prefixes is { Count: > 0 } prefixes && word.Form.Length >= MinPrefixedLength && prefixes.Contains(word.Form[0]) && GovernedAt(quote, at, MaxObjectReach)) return true;
        return Resumed is { Count: > 0 } resumed && at > 0 && !quote.BreakAfter(at - 1) && resumed.Contains(quote.Words[at - 1].Form) && GovernedAt(quote, at - 1, MaxObjectReach);
    }

    /// <summary>How many words the verb's subject and an adverb may take between it and the object it governs («رحب
    /// الرئيسان اليوم بمذكرة…»), or an adjective between a noun and its preposition («القضاء النهائي على…»). Farther, a
    /// word that opens with the same letter is another word's object.</summary>
    private const int MaxObjectReach = 4;

    /// <summary>Whether the question's verb stands before word <paramref name="at"/> in its sentence, within <paramref name="reach"/> words.</summary>
    private bool GovernedAt(CitedWords quote, int at, int reach = MaxReach)
    {
        var words = quote.Words;
        for (var j = at - 1; j >= 0 && at - j <= reach && words[j].Sentence == words[at].Sentence; j--)
        {
            if (Governs(words[j])) return true;
        }
        return false;
    }

    private bool Governs(CitedWord word) =>
        !word.Function && (VerbTerms.ContainsAnyOf(word.Terms) || (word.Word.VerbKey is { } key && VerbKeys.Contains(key)));
}

/// <summary>
/// Reads the parts a question asks for, in order: usually one, two for «أين ومتى…؟». Built on
/// <see cref="QuestionIntent.Kind"/>, adding what only the short answer needs (place, person, yes/no).
/// </summary>
internal static class AnswerShapes
{
    /// <summary>Interrogatives in matching form (normalised, unstemmed), each with the shape it asks for.</summary>
    private static readonly Dictionary<string, AnswerShape> Interrogatives = new(StringComparer.Ordinal)
    {
        ["متي"] = AnswerShape.Date, ["امتي"] = AnswerShape.Date, ["ايمتي"] = AnswerShape.Date,
        ["كم"] = AnswerShape.Number, ["قديش"] = AnswerShape.Number, ["قداش"] = AnswerShape.Number, ["كام"] = AnswerShape.Number,
        ["اين"] = AnswerShape.Place, ["وين"] = AnswerShape.Place, ["فين"] = AnswerShape.Place,
        // «لوين/لفين» is «إلى أين»: the destination.
        ["لوين"] = AnswerShape.Place, ["لفين"] = AnswerShape.Place,
        // «منو» (Gulf, Iraqi) and «شكون» (Maghrebi) are «مين».
        ["من"] = AnswerShape.Person, ["مين"] = AnswerShape.Person, ["منو"] = AnswerShape.Person, ["شكون"] = AnswerShape.Person, ["لمن"] = AnswerShape.Person, ["لمين"] = AnswerShape.Person,
        ["هل"] = AnswerShape.YesNo,
        ["لماذا"] = AnswerShape.Reason, ["ليش"] = AnswerShape.Reason, ["ليه"] = AnswerShape.Reason,
        // A preposition fused with "what" asks for its object: «إلامَ دعا…»، «علامَ اتفق…»، «بمَ وصف…».
        ["الام"] = AnswerShape.Thing, ["علام"] = AnswerShape.Thing, ["بم"] = AnswerShape.Thing, ["عم"] = AnswerShape.Thing, ["فيم"] = AnswerShape.Thing,
        ["ماذا"] = AnswerShape.Clause, ["بماذا"] = AnswerShape.Clause, ["شو"] = AnswerShape.Clause, ["ايش"] = AnswerShape.Clause, ["وش"] = AnswerShape.Clause,
        ["كيف"] = AnswerShape.Clause, ["شلون"] = AnswerShape.Clause, ["ما"] = AnswerShape.Clause, ["ماهي"] = AnswerShape.Clause, ["ماهو"] = AnswerShape.Clause, ["اي"] = AnswerShape.Thing,
    };

    /// <summary>The preposition each fused "what" holds, in matching form («إلامَ» → «إلى»).</summary>
    private static readonly Dictionary<string, string> FusedPrepositions = new(StringComparer.Ordinal) { ["الام"] = "الي", ["علام"] = "علي", ["عم"] = "عن", ["فيم"] = "في" };

    /// <summary>"What" with «ب» fused to it («بمَ», «بماذا»): the text fuses it to the answer too («رحب… بمذكرة المبادئ»).</summary>
    private static readonly Dictionary<string, char> FusedPrefixes = new(StringComparer.Ordinal) { ["بم"] = 'ب', ["بماذا"] = 'ب' };

    /// <summary>Nouns that, after «أي» or «ما», ask for a place («في أي مدينة», «ما العاصمة التي…»).</summary>
    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "مدينه", "دوله", "بلد", "مكان", "ولايه", "منطقه", "عاصمه", "محافظه", "بلده", "قريه", "جزيره", "اقليم", "موقع",
    };

    /// <summary>The place nouns that name a country («أي دولة», «ما البلد»).</summary>
    private static readonly HashSet<string> CountryNouns = new(StringComparer.Ordinal) { "دوله", "بلد", "بلاد" };

    /// <summary>Nouns that, after «أي» or «ما», ask for a time («في أي فترة», «ما موعد…»), in matching form without the article.</summary>
    private static readonly HashSet<string> TimeNouns = new(StringComparer.Ordinal)
    {
        "فتره", "وقت", "موعد", "تاريخ", "سنه", "عام", "شهر", "يوم", "توقيت", "زمن", "اسبوع",
    };

    /// <summary>Prepositions that name the topic something is said about, in matching form. Not «حول»: it is as often part of
    /// a title («البيان المشترك حول سوريا»).</summary>
    private static readonly HashSet<string> TopicPrepositions = new(StringComparer.Ordinal) { "عن", "بشان", "بخصوص", "ازاء" };

    /// <summary>Nouns that, after «ما» or «أي», ask for a purpose, in matching form without the article.</summary>
    private static readonly HashSet<string> PurposeNouns = new(StringComparer.Ordinal) { "غرض", "غايه", "هدف" };

    /// <summary>"What" that, before a definite noun, asks for the thing the noun names like «ما» does: «شو الملفات…» (read
    /// as «ماذا الملفات…»); before a verb it asks for the verb's object («ماذا تريد…»).</summary>
    private static readonly HashSet<string> WhatWords = new(StringComparer.Ordinal) { "ماذا", "شو", "ايش", "وش" };

    /// <summary>Words that say what something is taken as, in matching form without their pronoun: «بصفتها ضامني…»,
    /// «بوصفها ضامنا…», «باعتبارها مبادرة…», «كونها…».</summary>
    private static readonly string[] RoleMarkers = ["بصفت", "بوصف", "باعتبار", "كون"];

    /// <summary>Words that say on what occasion something was done: «خلال مؤتمر صحفي», «أثناء…», «في ختام…». Not «على هامش»:
    /// it follows the occasion as often as it names it («خلال مؤتمر صحفي على هامش القمة»).</summary>
    private static readonly string[] OccasionMarkers = ["خلال", "اثناء", "ختام", "لدي"];

    /// <summary>Punctuation that ends a clause of the question.</summary>
    private const string ClauseMarks = "،,.؟?!:؛;";

    /// <summary>«أي» alone or with a preposition or «و» fused to it, in matching form.</summary>
    private static readonly HashSet<string> Which = new(StringComparer.Ordinal) { "اي", "باي", "لاي", "واي", "وباي", "ما" };

    /// <summary>Nouns after «أي/ما» whose answer the text introduces by one of a few words, with those words' opening letters.</summary>
    private static readonly Dictionary<string, string[]> Introduced = new(StringComparer.Ordinal)
    {
        ["صفه"] = RoleMarkers, ["وصف"] = RoleMarkers, ["حيثيه"] = RoleMarkers,
        ["مناسبه"] = OccasionMarkers, ["ظروف"] = OccasionMarkers,
    };

    /// <summary>Opening letters, in matching form, of words of going somewhere («رايح», «متوجهاً», «مغادرته»): a question that
    /// asks where, or «إلى أي…», with one asks for the destination.</summary>
    private static readonly string[] GoingWords = ["رايح", "راح", "متوجه", "متجه", "توجه", "مسافر", "سافر", "ذاهب", "مغادر", "غادر"];

    /// <summary>What the text names a destination after: the opening letters of a verbal noun of going to attend
    /// («لحضور مؤتمر G 20», «للمشاركة في…»), and the preposition «إلى» as a whole word («إلى ولاية فلوريدا»).</summary>
    private static readonly string[] DestinationMarkers = ["لحضور", "للمشارك"];
    private static readonly HashSet<string> DestinationWords = new(StringComparer.Ordinal) { "الي" };

    /// <summary>Nouns that ask for a kind of what follows «من»: «أي نوع من…», «ما شكل من…».</summary>
    private static readonly HashSet<string> KindWords = new(StringComparer.Ordinal) { "نوع", "صنف", "شكل", "طبيعه" };

    /// <summary>Prepositions before «متى» that ask until when, and the words that open such a bound in the text, in matching form.</summary>
    private static readonly HashSet<string> UntilWords = new(StringComparer.Ordinal) { "الي", "حتي", "لحد", "لغايه", "والي", "وحتي" };
    private static readonly HashSet<string> UntilOpeners = new(StringComparer.Ordinal) { "حتي", "لحين", "ريثما" };

    /// <summary>Prepositions before «متى» that ask since when, and the word that opens such a bound.</summary>
    private static readonly HashSet<string> SinceWords = new(StringComparer.Ordinal) { "منذ", "من", "ومنذ" };
    private static readonly HashSet<string> SinceOpeners = new(StringComparer.Ordinal) { "منذ" };

    /// <summary>Prepositions a place follows («في أي مدينة», «إلى أين»): not what the answer is named after.</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "في", "الي", "من", "قرب", "داخل", "بين" };

    /// <summary>Prepositions, in matching form, whose object an interrogative after them asks for («إلى ماذا», «مع مين»).</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal) { "الي", "علي", "عن", "في", "مع", "من", "حول", "تحت", "ضد", "بين", "لدي", "عند" };

    /// <summary>Words after «من» that make it "who" rather than the preposition "from": a pronoun or a relative.</summary>
    private static readonly HashSet<string> WhoMarkers = new(StringComparer.Ordinal) { "هو", "هي", "هم", "الذي", "التي", "الذين", "اللي" };

    /// <summary>Nouns after which «من» is the preposition of a compound one: «من خلال», «من أجل», «من بين».</summary>
    private static readonly HashSet<string> AfterFrom = new(StringComparer.Ordinal) { "خلال", "اجل", "بين", "قبل", "بعد", "حيث", "جانب", "طرف", "جهه" };

    /// <summary>Words that open a condition, in matching form («إذا», «لو», «في حال»).</summary>
    internal static readonly HashSet<string> Conditions = new(StringComparer.Ordinal) { "اذا", "واذا", "لو", "ولو", "حال", "حاله" };

    /// <summary>Words that open what follows when a condition holds, in matching form («فإن تقدمنا… قد يتراجع»).</summary>
    internal static readonly HashSet<string> ConsequenceOpeners = new(StringComparer.Ordinal) { "فان", "فانه", "فانها", "فانهم", "فسوف", "فقد", "فلن", "فلا", "فسيكون" };

    /// <summary>Words that negate a condition right after it, in matching form: particles («إذا لم…», «لو ما…», «إذا مش…») and
    /// nouns of absence («في حال غياب…», «في حال عدم…»).</summary>
    internal static readonly HashSet<string> ConditionNegations = new(StringComparer.Ordinal)
    {
        "لا", "لم", "لن", "ما", "مش", "ليس", "ليست", "مو", "مب", "عدم", "غياب", "انعدام", "بدون", "دون",
    };

    /// <summary>How many words after a condition word a negation of it may stand («في حال لم…», «إذا ما…»).</summary>
    internal const int MaxConditionNegationReach = 2;

    /// <summary>Whether a condition word in <paramref name="words"/> is negated by one of the next few.</summary>
    internal static bool NegatesCondition(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!Conditions.Contains(words[i])) continue;
            for (var j = i + 1; j < words.Count && j - i <= MaxConditionNegationReach; j++)
            {
                if (ConditionNegations.Contains(words[j]) || Circumfixed(words[j])) return true;
            }
        }
        return false;
    }

    /// <summary>A word negated by the spoken circumfix «ما…ش» («ماتحققش», «محققناش», «مفيش»): it opens with «م» and ends with «ش».</summary>
    private static bool Circumfixed(string word) => word.Length > 3 && word[0] == 'م' && word[^1] == 'ش';

    /// <summary>The shapes the question asks for, in the order it asks them (never empty), and the noun that names what it asks for.</summary>
    public static ShortAnswerAsk Of(string question, QuestionIntent intent, ArabicTextAnalyzer analyzer)
    {
        var words = new List<string>();
        var spans = new List<(int Start, int End)>();
        analyzer.ForEachWord(question, 0, question.Length, (word, start, end) =>
        {
            words.Add(word.ToString());
            spans.Add((start, end));
        });
        var anchors = new HashSet<string>(intent.ContentWords.Where(w => w.NamesAnswerKind).SelectMany(w => w.Terms), StringComparer.Ordinal);
        var referents = new HashSet<string>(StringComparer.Ordinal);
        var adjectives = new HashSet<string>(StringComparer.Ordinal);
        var verbKeys = new HashSet<string>(StringComparer.Ordinal);
        var qualifiers = new HashSet<string>(StringComparer.Ordinal);
        var introducers = new HashSet<string>(StringComparer.Ordinal);
        var introducerWords = new HashSet<string>(StringComparer.Ordinal);
        var governedPrepositions = new HashSet<string>(StringComparer.Ordinal);
        var governors = new HashSet<string>(StringComparer.Ordinal);
        var governorKeys = new HashSet<string>(StringComparer.Ordinal);
        var governedPrefixes = new HashSet<char>();
        var resumedPrepositions = new HashSet<string>(StringComparer.Ordinal);
        var askedAt = -1;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var current = anchors;
        HashSet<string>? secondAnchors = null;
        int? secondStart = null;
        void Anchor(int i, bool verb = false) => AddAnchor(i, current, verb);
        void AddAnchor(int i, HashSet<string> anchors, bool verb = false)
        {
            if (i < 0 || i >= words.Count || Interrogatives.ContainsKey(words[i]) || WhoMarkers.Contains(words[i])) return;
            var terms = analyzer.Terms(question[spans[i].Start..spans[i].End]);
            // A preposition has no terms and anchors by its form («بين»); a noun or a verb by its terms.
            if (terms.Count == 0) anchors.Add(words[i]);
            else
            {
                anchors.UnionWith(terms);
                if (verb && VerbKey(words[i]) is { } key) verbKeys.Add(key);
                adjectives.Add(Bare(words[i]) + "ي");
                adjectives.Add(Bare(words[i]) + "يه");
            }
        }
        bool OpensClause(int i) => i == 0 || MarkBefore(question, spans, i);
        bool OpensPart(int i)
        {
            for (var j = Math.Max(1, i - 2); j <= i; j++)
            {
                if (words[j][0] == 'و' && question.AsSpan(spans[j - 1].End, spans[j].Start - spans[j - 1].End).IndexOfAny("،,") >= 0) return true;
            }
            return false;
        }
        // «بأي صفة…», «في أي مناسبة…»: the text names the answer after a word that introduces its kind («بصفتها…», «خلال…»).
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (Which.Contains(words[i]) && Introduced.TryGetValue(Bare(words[i + 1]), out var kind)) introducers.UnionWith(kind);
        }
        // «ماذا قال تيلرسون عن الخلافات…؟», «شو قالوا بخصوص…»: what was said about a topic.
        var aboutTopic = words.Any(TopicPrepositions.Contains);
        var topic = TopicTerms(question, words, spans, analyzer);
        var (excluded, excludedForms) = SetAside(question, words, spans, analyzer);
        var negatedCondition = NegatesCondition(words);
        var shapes = new List<AnswerShape>();
        var toWhom = false;
        IReadOnlySet<string>? boundOpeners = null;
        var kindIsNoun = false;
        var asksCountry = false;
        var ownedByNoun = false;
        var dateByNumber = false;
        for (var i = 0; i < words.Count && shapes.Count < 2; i++)
        {
            var (word, joined) = WithoutConjunction(words[i]);
            // «لأي غاية…», «بأي صفة…», «بأي تاريخ…»: «أي» with its preposition fused to it asks as «أي» does when the noun after it
            // names the kind of answer (a purpose, a time, a place, a capacity or an occasion).
            var fusedWhich = word is "باي" or "لاي" && i + 1 < words.Count && NamesKind(Bare(words[i + 1]));
            if (fusedWhich) word = "اي";
            // A second interrogative counts only when joined to the first («أين ومتى…؟», «متى وأين…؟») or a word or two into a
            // second part after a comma and «و» («…، وتحت رعاية من ستسير…؟»).
            if (shapes.Count == 1 && !(joined && i > 0 && Interrogatives.ContainsKey(WithoutConjunction(words[i - 1]).Word)) && !OpensPart(i)) continue;
            if (!Interrogatives.TryGetValue(word, out var shape)) continue;
            // «ما اسم المدينة…»: what is asked is named by the noun after «اسم».
            var k = i + 1 < words.Count && words[i + 1] is "اسم" or "الاسم" ? i + 2 : i + 1;
            // «أي نوع من الأسلحة»: the kind is named after the noun after «من» («أسلحة كيميائية»), the kind word itself seldom.
            if (k + 2 < words.Count && KindWords.Contains(Bare(words[k])) && words[k + 1] == "من") Anchor(k + 2);
            // «ما صنف الأسلحة…»: so is it after the noun the kind word is in construct with («أسلحة كيميائية»).
            else if (k + 1 < words.Count && KindWords.Contains(Bare(words[k])) && words[k + 1].StartsWith("ال", StringComparison.Ordinal)) Anchor(k + 1);
            var next = k < words.Count ? Bare(words[k]) : "";
            // «هتتعمل يوم إيه؟», «اتنشر بتاريخ إيه؟»: spoken Arabic says "what" after the noun of time or place it asks which
            // of («إيه» is read as «ماذا»), as «في أي يوم…» says it before: that noun names the kind of answer.
            if (WhatWords.Contains(word) && i > 0 && Bare(WithoutPreposition(words[i - 1])) is var asked && (TimeNouns.Contains(asked) || PlaceNouns.Contains(asked)))
            {
                k = i - 1;
                next = asked;
            }
            // «كيف تنظر… إلى»: the text may say what something is seen as after a word that introduces it («باعتبارها…»).
            if (word is "كيف" or "شلون") introducers.UnionWith(RoleMarkers);
            var previous = i > 0 ? words[i - 1] : "";
            // «من» is "who" at the start of a question, before a pronoun or relative, or after the noun or preposition it is
            // the object of before a verb («تحت رعاية من ستسير…»); elsewhere it is "from". «مين» is always "who".
            var objectOf = i > 1 && (Prepositions.Contains(previous) || analyzer.Terms(previous).Count > 0) && !Interrogatives.ContainsKey(previous)
                && k < words.Count && !words[k].StartsWith("ال", StringComparison.Ordinal);
            if (shape == AnswerShape.Person && word is not ("مين" or "منو" or "شكون" or "لمن" or "لمين") && ((i > 1 && !WhoMarkers.Contains(next) && !objectOf) || AfterFrom.Contains(next))) continue;
            // «إلى ماذا دعا…», «بعيداً عن ماذا…»: a preposition before "what" asks for its object, as «إلامَ» does.
            var afterPreposition = i > 0 && Prepositions.Contains(previous) && (WhatWords.Contains(word) || word == "ما");
            if (afterPreposition) shape = AnswerShape.Thing;
            // «هل» decides yes or no only when it opens the question.
            if (shape == AnswerShape.YesNo && i > 1) continue;
            // «بتاريخ كم…», «سنة كام…»: «كم» after a noun of time asks which date, not how many.
            if (shape == AnswerShape.Number && i > 0 && TimeNouns.Contains(Bare(WithoutPreposition(previous))))
            {
                shape = AnswerShape.Date;
                dateByNumber = true;
            }
            // «ما الغاية من…», «ما الغرض من…»: a purpose is asked, as by «لماذا».
            if (shape is AnswerShape.Thing or AnswerShape.Clause && PurposeNouns.Contains(next)) shape = AnswerShape.Reason;
            // «في أي فترة…», «ما موعد…»: a noun of time asks for a date, as «متى» does.
            else if (shape is AnswerShape.Thing or AnswerShape.Clause && TimeNouns.Contains(next)) shape = AnswerShape.Date;
            else if (shape is AnswerShape.Thing or AnswerShape.Clause && PlaceNouns.Contains(next))
            {
                shape = AnswerShape.Place;
                if (k + 1 < words.Count) qualifiers.UnionWith(analyzer.Terms(question[spans[k + 1].Start..spans[k + 1].End]));
                // «أي دولة رأى أنها تتحمل مسؤولية…», «لأي بلد…»: a country asked as who or what, not where something was.
                asksCountry |= shapes.Count == 0 && CountryNouns.Contains(next) && words[i][0] != 'ب' && !(i > 0 && PlacePrepositions.Contains(previous));
            }
            else if (shape == AnswerShape.Clause && next.Length > 0 && !WhoMarkers.Contains(next) && !Interrogatives.ContainsKey(next)
                && (word is "ما" or "ماهي" or "ماهو" || (WhatWords.Contains(word) && k < words.Count && words[k].StartsWith("ال", StringComparison.Ordinal)))) shape = AnswerShape.Thing;
            // «كان رايح فين…», «إلى أي قمة كان متجهاً…»: where someone was going is named after «إلى» or «لحضور…», not
            // wherever else the text places him.
            if ((shape == AnswerShape.Place || (shape == AnswerShape.Thing && previous == "الي")) && (words.Any(Going) || word is "لوين" or "لفين"))
            {
                introducers.UnionWith(DestinationMarkers);
                introducerWords.UnionWith(DestinationWords);
            }
            if (shapes.Count == 1 && !joined)
            {
                current = secondAnchors = new HashSet<string>(StringComparer.Ordinal);
                for (var j = i; j > askedAt + 1 && secondStart is null; j--)
                {
                    if (OpensClause(j)) secondStart = spans[j].Start;
                }
            }
            if (shape is AnswerShape.Thing or AnswerShape.Place or AnswerShape.Person or AnswerShape.Clause)
            {
                // «من تابع…», «ماذا أبرم…»: the word after "who" or "what" is a verb unless it has the article.
                var asksWithVerb = shape is AnswerShape.Person or AnswerShape.Clause && k < words.Count && !words[k].StartsWith("ال", StringComparison.Ordinal);
                // «تحت رعاية من ستسير…»: the answer follows the noun «من» is the object of, not the verb after it. Not «…، فمن
                // اشتغل عليه؟»: «من» that opens a clause of its own asks who did what its verb says.
                var objectOfNoun = shape == AnswerShape.Person && i > 1 && objectOf && !joined
                    && !MarkBefore(question, spans, i);
                if (!objectOfNoun) Anchor(k, asksWithVerb);
                ownedByNoun |= shapes.Count == 0 && objectOfNoun;
                if (k < words.Count) kinds.UnionWith(analyzer.Terms(question[spans[k].Start..spans[k].End]));
                // A noun has the article, or follows «أي» or «ما» («أي جهاز», «ما رقم»); what follows «ماذا», «إلامَ» or a preposition
                // and «ما» without it is the verb it asks with («على ماذا اتفق…»).
                kindIsNoun |= shapes.Count == 0 && !asksWithVerb && k < words.Count
                    && (words[k].StartsWith("ال", StringComparison.Ordinal) || (word is "اي" or "ما" or "ماهي" or "ماهو" && !afterPreposition));
                // The preposition or noun before «أي» or «أين» comes before the answer too: «بين أي أجهزة» → «بين استخبارات البلدين».
                // Not «في» before «في أي مدينة»: every place follows one, and the place itself decides («تحرير أي مدينة» anchors).
                // Nor «في» before «في أي مناسبة»: the word that introduces an occasion («خلال…») places it instead.
                // Nor a definite word: it is in construct with nothing after it, and ends the phrase before («استعادة الجيش السوري أي مدينة»).
                if (shape != AnswerShape.Person && word is "اي" or "اين" && !fusedWhich && !(shape == AnswerShape.Place && i > 0 && PlacePrepositions.Contains(words[i - 1])) && !Introduced.ContainsKey(next)
                    && !(i > 0 && words[i - 1].StartsWith("ال", StringComparison.Ordinal) && !Prepositions.Contains(words[i - 1]))) Anchor(i - 1);
                // So does the word "who" or "what" is the object of: «تحت رعاية من» → «تحت رعاية الأمم المتحدة», «إلى ماذا» → «إلى زيادة…».
                if (objectOfNoun || afterPreposition) Anchor(i - 1);
                // «إلامَ دعا…» is «إلى ماذا دعا…»: the preposition fused into it comes before the answer («إلى زيادة…»).
                if (FusedPrepositions.TryGetValue(word, out var fused)) current.Add(fused);
                // «إلى ماذا دعا…»: the preposition that opens the question is the verb's own, so it places the answer only after
                // that verb («ودعيا جميع الدول… إلى زيادة مساهمتها»), not after another word of the sentence («بحثا الحاجة
                // المستمرة إلى خفض…»). Not one after a word of its own («بعيداً عن ماذا شدد…»): that word governs it.
                var governed = afterPreposition && OpensClause(i - 1) ? previous : fused is not null && OpensClause(i) ? fused : null;
                var prefix = FusedPrefixes.TryGetValue(word, out var letter) && OpensClause(i) ? letter : (char?)null;
                if ((governed is not null || prefix is not null) && shapes.Count == 0 && k < words.Count && !words[k].StartsWith("ال", StringComparison.Ordinal))
                {
                    if (governed is not null) governedPrepositions.Add(governed);
                    if (prefix is { } fusedLetter) governedPrefixes.Add(fusedLetter);
                    governors.UnionWith(analyzer.Terms(question[spans[k].Start..spans[k].End]));
                    if (VerbKey(words[k]) is { } governorKey) governorKeys.Add(governorKey);
                }
                // «من الذي تابع…», «ما الذي توقعه…»: the verb comes after the relative.
                if (shape is AnswerShape.Person or AnswerShape.Clause && WhoMarkers.Contains(next)) Anchor(k + 1, verb: true);
                // «من هي الأطراف التي دعاها…», «ما الدول التي أبرمت…»: the verb of the relative clause on the asked noun is said
                // next to the answer, as the verb after «من» is («ندعو الحكومة السورية…»).
                if (shape == AnswerShape.Person && RelativeAfter(words, k) is { } verb) Anchor(verb, verb: true);
            }
            if (shapes.Count == 0 && shape == AnswerShape.Date && i > 0) boundOpeners = UntilWords.Contains(words[i - 1]) ? UntilOpeners : SinceWords.Contains(words[i - 1]) ? SinceOpeners : null;
            toWhom |= shapes.Count == 0 && shape == AnswerShape.Person && word is "لمن" or "لمين";
            if (shapes.Count == 0) askedAt = i;
            shapes.Add(shape);
        }
        // «ما الذي أكدا تصميمهما عليه؟»: the pronoun after a preposition at the end of the relative clause stands for what is
        // asked, and the text names it after the word that governs that preposition («تصميمهما على دحر داعش»).
        if (shapes.Count == 1 && shapes[0] is AnswerShape.Thing or AnswerShape.Clause or AnswerShape.Person && Resumptive(words, askedAt) is { } resumed)
        {
            var (preposition, governor) = resumed;
            if (preposition.Length == 1) governedPrefixes.Add(preposition[0]);
            else resumedPrepositions.Add(preposition);
            governors.UnionWith(analyzer.Terms(question[spans[governor].Start..spans[governor].End]));
            if (VerbKey(words[governor]) is { } governorKey) governorKeys.Add(governorKey);
        }
        // «أي مدينة … عملية تحريرها»: the noun whose pronoun stands for what is asked is followed by it in the text («عملية تحرير الرقة»).
        if (shapes.Count > 0 && shapes[0] is AnswerShape.Thing or AnswerShape.Place)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].Length > 4 && words[i].EndsWith("ها", StringComparison.Ordinal)) AddAnchor(i, referents);
            }
        }
        // «كيف وصف ترامب اجتماعه مع بوتين؟»: how the subject's own thing is described is said right after it («اجتماعا جيدا»).
        // The noun is the one with a possessive pronoun in the verb's own run of words (not «قبل مغادرته…» after a preposition);
        // written «ـه», not «ـة», in the question itself.
        // So is it after «وكيف وصف…», a follow-up.
        else if (shapes.Count > 0 && shapes[0] == AnswerShape.Clause && words.Count > 0 && WithoutConjunction(words[0]).Word is "كيف" or "شلون")
        {
            var runEnd = RunEnd(question, words, spans, 1);
            for (var i = 2; i <= runEnd; i++)
            {
                var raw = question.AsSpan(spans[i].Start, spans[i].End - spans[i].Start);
                if (raw.Length > 4 && !words[i].StartsWith("ال", StringComparison.Ordinal) && (raw.EndsWith("ه") || raw.EndsWith("ها") || raw.EndsWith("هم")))
                {
                    AddAnchor(i, referents);
                    break;
                }
            }
        }
        var governedBy = new GovernedPreposition(governedPrepositions, governors, governorKeys, governedPrefixes, resumedPrepositions);
        // What every reading of the question holds, whatever shape it asks for.
        ShortAnswerAsk Ask(IReadOnlyList<AnswerShape> asked, bool orNot = false, IReadOnlySet<string>? second = null, IReadOnlySet<string>? qualifying = null, int? secondAt = null) =>
            new(asked, anchors, referents, adjectives, verbKeys, orNot, second, qualifying, introducers, aboutTopic)
            {
                SecondStart = secondAt, Kinds = kinds, KindIsNoun = kindIsNoun, Topic = topic, ToWhom = toWhom, BoundOpeners = boundOpeners, NegatedCondition = negatedCondition,
                IntroducerWords = introducerWords, Governed = governedBy, AsksCountry = asksCountry, OwnedByNoun = ownedByNoun, Excluded = excluded, ExcludedForms = excludedForms,
            };
        if (shapes.Count == 2) return Ask(shapes, second: secondAnchors, qualifying: qualifiers, secondAt: secondStart);
        // «…كان سهلاً ولا لأ؟», «…أم لا؟»: a question that offers "or not" asks yes or no, whatever word opens it.
        if (words.Count > 2 && words[^1] == "لا" && words[^2] is "ولا" or "ام" or "او" or "اولا") return Ask([AnswerShape.YesNo], orNot: true);
        // The question reader knows more kinds of date, quantity, reason and identity questions than the interrogatives above.
        var byIntent = intent.Kind switch
        {
            AnswerKind.Time or AnswerKind.Date or AnswerKind.Year => AnswerShape.Date,
            AnswerKind.Quantity => AnswerShape.Number,
            AnswerKind.Reason => AnswerShape.Reason,
            AnswerKind.Identity => AnswerShape.Person,
            _ => (AnswerShape?)null,
        };
        var only = dateByNumber ? AnswerShape.Date : byIntent ?? (shapes.Count > 0 ? shapes[0] : AnswerShape.Clause);
        // «ما الهدف الذي أكدا مواصلة جهودهما حتى بلوغه؟»: what is asked is what «حتى» + its pronoun stands for, and the text
        // names it after «حتى» («الجهود المشتركة حتى التدمير الكامل لداعش»): a bound named as a thing, not a purpose.
        if (only is AnswerShape.Reason or AnswerShape.Thing or AnswerShape.Clause && UntilReferent(question, words, spans) is { } until)
        {
            only = AnswerShape.Thing;
            anchors.Add(words[until]);
        }
        // «بماذا وصف تيلرسون روسيا…»: what something is described as may be said after a word that introduces it («روسيا،
        // بوصفها ضامنا…»), as for «كيف تنظر… إلى».
        if (only == AnswerShape.Clause && words.Any(Describing)) introducers.UnionWith(RoleMarkers);
        // «كيف وصف ترامب المكالمة مع بوتين؟», «ترامب… كيف وصف المكالمة؟», «وصف المكالمة اللي عملها بإيه؟»: without a pronoun,
        // what is described is the verb's object, said right before its description in the text («مكالمة رائعة», «مناطق
        // تخفيف التصعيد كخطوة مؤقتة»).
        if (only is AnswerShape.Clause or AnswerShape.Thing && referents.Count == 0 && DescribedAt(question, words, spans) is { } described) AddAnchor(described, referents);
        return Ask([only], qualifying: qualifiers);
    }

    /// <summary>How many content words after a topic preposition name the topic: its head («الخلافات» in «عن الخلافات بين
    /// أمريكا وروسيا»); what follows qualifies it, and is said in most clauses about it.</summary>
    private const int MaxTopicWords = 1;

    /// <summary>The terms of the content words right after the first topic preposition, up to a clause break or an interrogative.</summary>
    private static HashSet<string> TopicTerms(string question, List<string> words, List<(int Start, int End)> spans, ArabicTextAnalyzer analyzer)
    {
        var topic = new HashSet<string>(StringComparer.Ordinal);
        var at = words.FindIndex(TopicPrepositions.Contains);
        if (at < 0) return topic;
        var taken = 0;
        for (var i = at + 1; i < words.Count && taken < MaxTopicWords && !Interrogatives.ContainsKey(WithoutConjunction(words[i]).Word); i++)
        {
            if (question.AsSpan(spans[i - 1].End, spans[i].Start - spans[i - 1].End).IndexOfAny("،,؟?.") >= 0) break;
            var terms = analyzer.Terms(question[spans[i].Start..spans[i].End]);
            if (terms.Count == 0) continue;
            topic.UnionWith(terms);
            taken++;
        }
        return topic;
    }

    /// <summary>Words that set aside what follows them, in matching form («غير سوريا», «سوى داعش», «عدا…», «باستثناء…»);
    /// «جانب» only after «إلى» or fused «ب» («إلى جانب سوريا», «بجانب…»).</summary>
    private static readonly HashSet<string> ExceptWords = new(StringComparer.Ordinal) { "غير", "سوي", "عدا", "باستثناء", "بخلاف" };
    private static readonly HashSet<string> BesideWords = new(StringComparer.Ordinal) { "جانب", "بجانب" };

    /// <summary>How many content words after a word that sets aside name what it sets aside («غير سوريا والإرهاب»: two).</summary>
    private const int MaxExcludedWords = 3;

    /// <summary>
    /// Whether the word after a word that sets aside is an adjective describing rather than a thing set aside: a nisba, or
    /// an indefinite word ending in «ي»; after «غير», which negates adjectives and participles, also an indefinite word
    /// ending in «ة» or a «مـ» participle («انها غير موجودة», «غير مباشر»), unless it names a place («غير مصر») or heads a
    /// construct whose second noun is definite («غير حركة الشباب»).
    /// </summary>
    private static bool Negated(string word, bool afterGhayr, string? next)
    {
        if (QuestionVocabulary.IsNisba(word)) return true;
        if (word.StartsWith("ال", StringComparison.Ordinal)) return false;
        if (word.EndsWith('ي')) return true;
        return afterGhayr && !AnswerCues.NamesPlace(word) && next?.StartsWith("ال", StringComparison.Ordinal) != true
            && (word.EndsWith('ة') || word.EndsWith('ه') || word.StartsWith('م'));
    }

    /// <summary>
    /// The terms of what the question sets aside: the content words right after «غير/سوى/عدا/باستثناء» or «إلى جانب», up to
    /// a clause mark, an interrogative, a relative or a preposition («…غير سوريا في المكالمة» → «سوريا»). Not an adjective
    /// negated by «غير» («فصيل غير شرعي», «الملفات غير السورية»): it describes, it sets nothing aside.
    /// </summary>
    private static (HashSet<string> Terms, HashSet<string> Forms) SetAside(string question, List<string> words, List<(int Start, int End)> spans, ArabicTextAnalyzer analyzer)
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        for (var at = 0; at + 1 < words.Count; at++)
        {
            var sets = ExceptWords.Contains(words[at]) || (BesideWords.Contains(words[at]) && (words[at][0] == 'ب' || (at > 0 && words[at - 1] is "الي" or "والي")));
            if (!sets) continue;
            var taken = 0;
            for (var i = at + 1; i < words.Count && taken < MaxExcludedWords; i++)
            {
                if (MarkBefore(question, spans, i)) break;
                var word = words[i];
                if (Interrogatives.ContainsKey(WithoutConjunction(word).Word) || Which.Contains(word) || Relatives.Contains(word) || Prepositions.Contains(word)) break;
                var terms = analyzer.Terms(question[spans[i].Start..spans[i].End]);
                if (terms.Count == 0) continue;
                // «غير شرعي», «غير السورية», «انها غير موجودة»: an adjective or participle the particle negates.
                if (taken == 0 && Negated(word, words[at] == "غير", i + 1 < words.Count ? words[i + 1] : null)) break;
                excluded.UnionWith(terms);
                forms.Add(ShortAnswerAsk.Unjoined(word));
                taken++;
            }
        }
        return (excluded, forms);
    }

    /// <summary>The shortest word that can carry a pronoun after «حتى» («بلوغه»): shorter ones are particles («حتى انه»).</summary>
    private const int MinReferentLength = 4;

    /// <summary>
    /// Where a word that opens a bound («حتى») stands right before a word with a pronoun that is no definite noun
    /// («…حتى بلوغه؟», «…حتى تحقيقه ضد داعش»): the pronoun stands for what is asked. The raw question decides the pronoun
    /// («ـه», «ـها»), since «ـة» reads as «ـه» in matching form. Null without one.
    /// </summary>
    private static int? UntilReferent(string question, List<string> words, List<(int Start, int End)> spans)
    {
        for (var j = 0; j + 1 < words.Count; j++)
        {
            if (!UntilOpeners.Contains(words[j])) continue;
            var raw = question.AsSpan(spans[j + 1].Start, spans[j + 1].End - spans[j + 1].Start);
            if (raw.Length >= MinReferentLength && !words[j + 1].StartsWith("ال", StringComparison.Ordinal) && (raw.EndsWith("ه") || raw.EndsWith("ها"))) return j;
        }
        return null;
    }

    /// <summary>Prepositions with the pronoun of a relative clause, in matching form, and the preposition as the text says it
    /// before a noun: a word, or the letter it fuses to the noun («بها» → «ب»).</summary>
    private static readonly Dictionary<string, string> ResumptivePrepositions = new(StringComparer.Ordinal)
    {
        ["عليه"] = "علي", ["عليها"] = "علي", ["اليه"] = "الي", ["اليها"] = "الي", ["فيه"] = "في", ["فيها"] = "في",
        ["منه"] = "من", ["منها"] = "من", ["عنه"] = "عن", ["عنها"] = "عن", ["به"] = "ب", ["بها"] = "ب",
    };

    /// <summary>
    /// The preposition whose pronoun ends a relative clause of the question («…الذي أكدا تصميمهما عليه؟»), with where the
    /// word that governs it stands («تصميمهما»): the pronoun stands for what is asked. Null without one.
    /// </summary>
    private static (string Preposition, int Governor)? Resumptive(List<string> words, int asked)
    {
        // The relative clause is on what is asked («ما الكيانات الإرهابية التي…»), not on a noun further on («بين أي دول أبرمت
        // مذكرة المبادئ التي رحب بها…»).
        if (RelativeAfter(words, asked + 1) is not { } verb) return null;
        var relative = verb - 1;
        for (var j = words.Count - 1; j > relative + 1; j--)
        {
            if (ResumptivePrepositions.TryGetValue(words[j], out var preposition)) return Interrogatives.ContainsKey(words[j - 1]) ? null : (preposition, j - 1);
        }
        return null;
    }

    /// <summary>Relative pronouns that open a clause on the noun before them, in matching form.</summary>
    private static readonly HashSet<string> Relatives = new(StringComparer.Ordinal) { "الذي", "التي", "الذين", "اللذين", "اللتين", "اللي" };

    /// <summary>How far after the interrogative the relative on its noun may stand («من هي الأطراف التي…»).</summary>
    private const int MaxRelativeReach = 3;

    /// <summary>The word after the first relative pronoun within <see cref="MaxRelativeReach"/> words from <paramref name="k"/>: its verb; null without one.</summary>
    private static int? RelativeAfter(List<string> words, int k)
    {
        for (var j = k; j < words.Count - 1 && j < k + MaxRelativeReach; j++)
        {
            if (Relatives.Contains(words[j])) return j + 1;
        }
        return null;
    }

    /// <summary>Whether the words hold an interrogative of their own («وفي أي مدينة», «ومتى»), not only a subject («والاجتماع التحضيري»).</summary>
    public static bool Interrogates(string words, ArabicTextAnalyzer analyzer)
    {
        var found = false;
        analyzer.ForEachWord(words, 0, words.Length, (word, _, _) => found |= Interrogatives.ContainsKey(WithoutConjunction(word.ToString()).Word) || Which.Contains(word.ToString()));
        return found;
    }

    /// <summary>
    /// Whether a follow-up only names another subject, as «و» + a noun with the article that names no kind of answer
    /// («والاجتماع التحضيري الذي يسبقه؟»), with no interrogative and no word the documents never use (which may be one this
    /// reader does not know: «والمذكرة شوكت انوقعت؟») before a relative clause, which only describes the subject: it asks
    /// what the turn before asked, of that subject.
    /// </summary>
    public static bool NamesSubjectOnly(string words, ArabicTextAnalyzer analyzer, TermStatistics statistics)
    {
        var (first, asks, unknown, described) = ((string?)null, false, false, false);
        analyzer.ForEachWord(words, 0, words.Length, (word, start, end) =>
        {
            var form = word.ToString();
            first ??= form;
            asks |= Interrogatives.ContainsKey(WithoutConjunction(form).Word) || Which.Contains(form);
            described |= Relatives.Contains(form);
            var terms = analyzer.Terms(words[start..end]);
            unknown |= !described && terms.Count > 0 && statistics.NeverUsed(terms);
        });
        return first is { Length: > 4 } && first.StartsWith("وال", StringComparison.Ordinal) && !NamesKind(Bare(first[1..])) && !asks && !unknown;
    }

    /// <summary>The interrogative without the «و» or «ف» joined to it, «أي» with its preposition fused («ولأي غرض…»,
    /// «وبأي بلد…») included.</summary>
    private static (string Word, bool Joined) WithoutConjunction(string word) =>
        word.Length > 2 && word[0] is 'و' or 'ف' && (Interrogatives.ContainsKey(word[1..]) || FusedWhich.Contains(word[1..])) ? (word[1..], true) : (word, false);

    /// <summary>«أي» with a preposition fused to it, in matching form.</summary>
    private static readonly HashSet<string> FusedWhich = new(StringComparer.Ordinal) { "باي", "لاي" };

    /// <summary>
    /// What is left of a verb without its tense prefixes (ي ت ن ا س, up to two) and its object pronoun and final weak
    /// letter: «تلقاه» and «تلقى» → «لق», «توقعه» and «يتوقع» → «وقع». Null for a word with the article, which is no verb.
    /// </summary>
    internal static string? VerbKey(string word)
    {
        if (word.StartsWith("ال", StringComparison.Ordinal)) return null;
        for (var n = 0; n < 2 && word.Length > 3 && word[0] is 'ي' or 'ت' or 'ن' or 'ا' or 'س'; n++) word = word[1..];
        foreach (var pronoun in ObjectPronouns)
        {
            if (word.Length > pronoun.Length + 2 && word.EndsWith(pronoun, StringComparison.Ordinal))
            {
                word = word[..^pronoun.Length];
                break;
            }
        }
        if (word.Length > 2 && word[^1] is 'ا' or 'ي' or 'ى' or 'ت' or 'و') word = word[..^1];
        return word.Length >= 2 ? word : null;
    }

    private static readonly string[] ObjectPronouns = ["هما", "هم", "ها", "ه", "وا", "ون"];

    /// <summary>Opening letters, in matching form, of the verb of describing («وصف», «يصف», «تصفها»).</summary>
    private static readonly string[] DescribingWords = ["وصف", "يصف", "تصف"];

    /// <summary>Whether the word (in matching form, with or without «و») is a verb of describing (<see cref="DescribingWords"/>).</summary>
    private static bool Describing(string word)
    {
        var bare = word.Length > 3 && word[0] == 'و' && !word.StartsWith("وصف", StringComparison.Ordinal) ? word[1..] : word;
        return DescribingWords.Any(describing => bare.StartsWith(describing, StringComparison.Ordinal));
    }

    /// <summary>
    /// What the first verb of describing in the question describes: the last word of the run after it up to a preposition
    /// (alone or fused to the article: «بالنسبة لنظام الأسد»), a relative, an interrogative or a clause mark. After the verb come its subject and its object («كيف وصف البيان مناطق
    /// تخفيف التصعيد»), so one word alone is its object only when the subject stands before the verb («ترامب… كيف وصف
    /// المكالمة مع بوتين», «هو ترامب وصف المكالمة اللي…»); a subject alone («كيف وصفه ترامب؟») names nothing described. Null
    /// without such a verb or object.
    /// </summary>
    private static int? DescribedAt(string question, List<string> words, List<(int Start, int End)> spans)
    {
        var verb = words.FindIndex(Describing);
        if (verb < 0) return null;
        var last = RunEnd(question, words, spans, verb);
        var subjectBefore = false;
        for (var i = 0; i < verb && !subjectBefore; i++) subjectBefore = !Interrogatives.ContainsKey(WithoutConjunction(words[i]).Word) && !Which.Contains(words[i]) && !WhoMarkers.Contains(words[i]);
        if (last - verb < (subjectBefore ? 1 : 2)) return null;
        // «كيف وصف تيلرسون حال داعش…» asks how what it names is described, said after it («تلقى ضربات موجعة»). Asked otherwise
        // («بماذا وصف تيلرسون روسيا…», «وصف روسيا بإيه»), a name is described in a clause of its own («روسيا، بوصفها
        // ضامنا…»), and what follows it in the text is what it does («وروسيا ملزمة…»): only a definite noun is followed by its
        // description there («المكالمة» → «مكالمة رائعة»).
        return (verb == 1 && WithoutConjunction(words[0]).Word is "كيف" or "شلون") || words[last].StartsWith("ال", StringComparison.Ordinal) ? last : null;
    }

    /// <summary>The index of the last word of the run after the verb at <paramref name="verb"/> up to a preposition (alone or
    /// fused to the article), a relative, an interrogative or a clause mark; the verb's own index when the run is empty.</summary>
    private static int RunEnd(string question, List<string> words, List<(int Start, int End)> spans, int verb)
    {
        var last = verb;
        for (var i = verb + 1; i < words.Count; i++)
        {
            if (MarkBefore(question, spans, i)) break;
            if (Prepositions.Contains(words[i]) || WhoMarkers.Contains(words[i]) || Interrogatives.ContainsKey(WithoutConjunction(words[i]).Word) || Which.Contains(words[i]) || AsksWhat(words[i])
                || words[i].StartsWith("بال", StringComparison.Ordinal) || words[i].StartsWith("لل", StringComparison.Ordinal)) break;
            last = i;
        }
        return last;
    }

    /// <summary>A function word, alone or with «ب» fused to it: «بإيه» after the object of «وصف» asks what it was described as.</summary>
    private static bool AsksWhat(string word) => QuestionVocabulary.FunctionWords.Contains(word) || (word.Length > 2 && word[0] == 'ب' && QuestionVocabulary.FunctionWords.Contains(word[1..]));

    /// <summary>Whether the word (in matching form, with or without «و») says someone is going somewhere (<see cref="GoingWords"/>).</summary>
    private static bool Going(string word)
    {
        var bare = ShortAnswerAsk.Unjoined(word);
        return GoingWords.Any(going => bare.StartsWith(going, StringComparison.Ordinal));
    }

    /// <summary>Whether a clause mark stands between question word <paramref name="i"/> and the word before it.</summary>
    private static bool MarkBefore(string question, List<(int Start, int End)> spans, int i) =>
        question.AsSpan(spans[i - 1].End, spans[i].Start - spans[i - 1].End).IndexOfAny(ClauseMarks) >= 0;

    /// <summary>The word without a preposition fused to it («بتاريخ» → «تاريخ»).</summary>
    private static string WithoutPreposition(string word) => word.Length > 4 && word[0] is 'ب' or 'ل' or 'و' ? word[1..] : word;

    /// <summary>Whether a noun after «أي» names the kind of answer by itself: a purpose, a time, a place, a capacity or an occasion.</summary>
    private static bool NamesKind(string noun) => PurposeNouns.Contains(noun) || TimeNouns.Contains(noun) || PlaceNouns.Contains(noun) || Introduced.ContainsKey(noun);

    /// <summary>The word without the article («المدينة» → «مدينه»), as <see cref="PlaceNouns"/> spells it.</summary>
    internal static string Bare(string word) => word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 4 ? word[2..] : word;
}
