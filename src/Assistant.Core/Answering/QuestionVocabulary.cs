namespace Assistant.Answering;

/// <summary>The words a question is read with, in matching form (normalised, unstemmed: "متى" appears as "متي").</summary>
internal static class QuestionVocabulary
{
    /// <summary>Words that frame a question rather than name its subject ("ما اسم…", "كيف وصف…", "بحسب…"): they count, but little.</summary>
    internal static readonly HashSet<string> FramingWords = new(StringComparer.Ordinal)
    {
        "اسم", "اسماء", "نوع", "صفه", "وصف", "قال", "يقول", "قالت", "قالوا", "يقولون", "ذكر", "يذكر", "ذكرت", "اشار", "تحدث", "يتحدث", "راي", "نظر", "عدد",
        "سبب", "شيء", "امر", "بلغ", "يبلغ", "اهم", "براي", "جهه", "الامر", "بالتحديد", "تحديدا", "تم", "يتم",
        "بده", "بدها", "بدهم", "بدنا", "حكوا", "حكي", "شايف", "بخصوص", "خصوص",
        "بالنسبه", "النسبه", "تريد", "يريد", "يريدون", "اراد", "ارادت", "خبر", "الاسم", "الكامل",
        "يري", "تري", "يرون", "رات", "راوا", "كلام", "كلامه", "كلامها", "كلامهم",
    };

    /// <summary>
    /// Nouns of a role or title: after "من" they make an identity question without "هو" ("من مؤلف رواية…؟", "من رئيس
    /// الوفد؟"), where a verb would ask who did something ("من ترأس…؟").
    /// </summary>
    internal static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        "مولف", "كاتب", "رييس", "قايد", "قاءد", "زعيم", "وزير", "مبعوث", "ممثل", "سفير", "مدير", "امين", "مستشار", "متحدث", "ناطق",
        "مسوول", "حاكم", "ملك", "امير", "منسق", "مخرج", "ملحن", "مكتشف", "مخترع", "موسس", "مدرب", "فايز", "بطل", "صاحب", "فاءز",
    };

    /// <summary>Words that end the description in an identity question: what follows says what the person did.</summary>
    internal static readonly HashSet<string> RelativeWords = new(StringComparer.Ordinal) { "الذي", "التي", "الذين", "اللي", "يلي", "اللذي" };

    /// <summary>Prepositions that attribute what follows to a source («وفق البيان», «بحسب الوكالة»), in matching form.</summary>
    internal static readonly HashSet<string> AttributionWords = new(StringComparer.Ordinal) { "حسب", "بحسب", "وفق", "وفقا", "طبقا" };

    // Interrogatives and other function words, in matching form (normalised, unstemmed: "متى" appears as "متي", "أين" as "اين").
    internal static readonly HashSet<string> FunctionWords = new(
    [
        .. AttributionWords,
        "متي", "اين", "كم", "ماذا", "لماذا", "كيف", "هل", "من", "ما", "اي", "ايه", "ماهو", "ماهي", "مالذي", "بماذا", "لمن", "عمن", "عم", "بم", "فيم",
        // «إلامَ» (to what) and «علامَ» (on what), the preposition fused with «ما».
        "الام", "علام",
        "هو", "هي", "هم", "هما", "نحن", "الذي", "التي", "الذين",
        // Demonstratives point at what the question names, and name nothing themselves; listed here, they are known
        // with a preposition or «و» too («بهذا البيان», «وهذه الجهود»).
        "ذلك", "تلك", "ذاك", "هولاء", "اولءك", "اولاءك", "هذا", "هذه", "هذي", "هذان", "هذين", "هاتان", "هاتين",
        // Colloquial forms analysts also type: شو/إيش/وش (what), إمتى (when), وين/فين (where), مين (who), قديش/كام (how much), ليش/ليه (why),
        // and function words: اللي/يلي/لي (which; «لي» is also «to me»), رح (will), تبع (of), عشان (so that); أثناء (during); prepositions with a pronoun ("أسفرت عنه").
        "شو", "ايش", "اش", "وش", "امتي", "ايمتي", "وين", "فين", "مين", "قديش", "قداش", "كام", "ليش", "ليه", "اللي", "يلي", "لي", "رح", "تبع", "كمان", "هيك", "يعني", "هاد", "هادا", "هاي",
        "عشان", "علشان", "اثناء",
        // Conjunctions: those ending in «ما» ask nothing («كما يقول بوتين», as; «مما»; «بينما», while), nor do «لكي» (so that),
        // «حين» and «عندما» (when, opening a clause) or «لدى» (at).
        "كما", "مما", "بينما", "طالما", "ربما", "لكي", "كي", "حين", "حينما", "عندما", "لدي",
        // «that» with its pronoun («قال إنهم…», «يرى أنه…») and «there is» («ثمة»): they join a clause, they name nothing.
        "انه", "انها", "انهم", "انهما", "اننا", "انني", "بانه", "بانها", "بانهم", "ثمه", "هناك",
        // The future particle and «next», which the texts word many ways («التالي», «المقبل», «القادم»): the question's
        // tense is kept apart (QuestionIntent.AsksFuture) and a date must be said of a future event.
        "سوف", "التالي", "التاليه", "القادم", "القادمه", "المقبل", "المقبله", "اللاحق", "اللاحقه",
        "عنه", "عنها", "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "اليها", "له", "لها",
        // Prepositions, so that one after «و» («وإلى متى») is read as one.
        "الي", "علي", "عن", "في", "مع", "حتي",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Nouns that after a preposition only join words, like a preposition or a conjunction: «إلى جانب سوريا» (besides
    /// Syria), «عن طريق» (by way of), «في حال» (in case), «في ظل» (under). Keyed by the preposition; elsewhere they are
    /// content («الجانب الروسي»).
    /// </summary>
    internal static readonly Dictionary<string, string[]> PrepositionalNouns = new(StringComparer.Ordinal)
    {
        ["الي"] = ["جانب"], ["عن"] = ["طريق"], ["في"] = ["حال", "ظل"],
    };

    /// <summary>Interrogatives that open a question, in matching form.</summary>
    internal static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal)
    {
        "متي", "اين", "كم", "ماذا", "لماذا", "كيف", "هل", "من", "ما", "اي", "ماهو", "ماهي", "مالذي", "بماذا", "لمن", "عمن", "بم", "فيم", "الام", "علام",
    };

    internal static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "متي", "تاريخ", "تواريخ", "موعد", "يوم", "عام", "سنه", "شهر", "وقت" };

    /// <summary>«في أي ساعة», «الساعة كم»: the time of day, which a date or a duration («ساعة ونصف») does not give.</summary>
    internal static readonly HashSet<string> HourWords = new(StringComparer.Ordinal) { "ساعه", "الساعه" };

    /// <summary>Nouns that after «أي» ask where: «في أي مدينة». «أي بلد» asks which country, which need not be where anything happened.</summary>
    internal static readonly HashSet<string> PlaceKindNouns = new(StringComparer.Ordinal) { "مدينه", "عاصمه", "مكان", "منطقه", "ولايه", "بلده", "قريه" };

    /// <summary>Place nouns that ask for a settlement («في أي مدينة»), which a country's name does not give.</summary>
    internal static readonly HashSet<string> SettlementNouns = new(StringComparer.Ordinal) { "مدينه", "عاصمه", "بلده", "قريه" };

    internal static readonly HashSet<string> YearWords = new(StringComparer.Ordinal) { "عام", "سنه", "العام", "السنه" };

    /// <summary>Words that ask what an event produced; "خرج" counts with "بها/به" ("القرارات التي خرجت بها").</summary>
    internal static readonly HashSet<string> OutcomeWords = new(StringComparer.Ordinal)
    {
        "نتيجه", "النتيجه", "نتايج", "النتايج", "نتاءج", "النتاءج", "اسفر", "اسفرت", "تمخض", "تمخضت", "مخرجات", "حصيله",
    };

    internal static readonly HashSet<string> OutcomeVerbs = new(StringComparer.Ordinal) { "خرج", "خرجت" };

    /// <summary>Verbs that ask what an event produced when «عن» names the event («ما الذي صدر عن القمة», «ما انبثق عنه»).</summary>
    internal static readonly HashSet<string> IssuedVerbs = new(StringComparer.Ordinal) { "صدر", "صدرت", "انبثق", "انبثقت", "نتج", "نتجت" };

    /// <summary>
    /// Nouns and verbs that ask how someone reacted («كيف ردّت طهران…», «ما موقف أنقرة من…», «شو كان رد…»), when they
    /// head the question: the answer is a reaction, which a text says with one of <see cref="ReactionEvidence"/>.
    /// </summary>
    internal static readonly HashSet<string> ReactionWords = new(StringComparer.Ordinal)
    {
        "رد", "رده", "ردت", "ردوا", "ردود", "موقف", "مواقف", "تعليق", "علق", "علقت", "تفاعل", "تفاعلت",
    };

    /// <summary>«ردّ فعل», «ردة الفعل»: the noun after a reaction word is part of its name and asks nothing more.</summary>
    internal static readonly HashSet<string> ReactionComplements = new(StringComparer.Ordinal) { "فعل", "الفعل" };

    /// <summary>
    /// Words, as written, that say a reaction: welcoming, backing, refusing, condemning, criticising, commenting. A span
    /// about the same people without one says nothing of how they reacted.
    /// </summary>
    internal static readonly string[] ReactionEvidence =
    [
        "رحب", "رحبت", "ترحيب", "مرحبة", "أيد", "أيدت", "تأييد", "رفض", "رفضت", "أدان", "أدانت", "إدانة", "انتقد", "انتقدت", "انتقاد",
        "استنكر", "استنكرت", "علق", "علقت", "تعليق", "رد", "ردت", "موقف", "وافق", "وافقت", "موافقة", "أشاد", "أشادت", "اعترض", "اعترضت", "تحفظ",
    ];

    /// <summary>The terms of <see cref="ReactionEvidence"/>, analysed once the way the text is.</summary>
    internal static readonly string[] ReactionTerms = [.. ReactionEvidence.SelectMany(new Analysis.ArabicTextAnalyzer().Terms).Distinct(StringComparer.Ordinal)];

    /// <summary>Words that ask for an expected outcome, which the texts may well state in the future tense.</summary>
    internal static readonly HashSet<string> ExpectationWords = new(StringComparer.Ordinal)
    {
        "متوقع", "المتوقع", "متوقعه", "المتوقعه", "المرتقبه", "المنتظره", "يتوقع", "تتوقع", "ستسفر", "سيسفر",
    };

    internal static readonly HashSet<string> DateNouns = new(StringComparer.Ordinal) { "تاريخ", "موعد" };

    /// <summary>Nouns that ask for an institution or a party without naming one: «ما الجهة التي…».</summary>
    internal static readonly HashSet<string> BodyNouns = new(StringComparer.Ordinal) { "جهه", "جهات" };

    /// <summary>Nouns of a cause or a purpose: «ما سبب…», «ما الغاية من…» ask why, as «لماذا» does.</summary>
    internal static readonly HashSet<string> ReasonNouns = new(StringComparer.Ordinal) { "سبب", "اسباب", "هدف", "غايه", "غرض" };

    /// <summary>
    /// Nouns of a measure: the noun after one is what a number must be of («قيمة المساعدات», «عدد السوريين», «طول النهر»,
    /// «عمر الاتفاق»). Not «عرض», which is as often an offer.
    /// </summary>
    internal static readonly HashSet<string> MeasureNouns = new(StringComparer.Ordinal)
    {
        "عدد", "قيمه", "حجم", "مقدار", "نسبه", "مبلغ", "كميه", "طول", "ارتفاع", "عمق", "مساحه", "مسافه", "وزن", "سعر", "تكلفه", "عمر",
    };

    /// <summary>
    /// Interrogatives that, opening a question, are followed by the relation asked about: «من ترأس…» asks who did it.
    /// (After «متى», «أين» or «لماذا» the verb is the event, which the texts often name otherwise: «يلتئم» for «يُعقد».)
    /// </summary>
    internal static readonly HashSet<string> PredicateInterrogatives = new(StringComparer.Ordinal) { "من" };

    /// <summary>
    /// Interrogatives that ask something of the action the verb after them names («بماذا خرجت القمة…», «على ماذا اتفق…»,
    /// «لماذا قبلت موسكو…», «كيف استقبلت المعارضة…»); «ما» does so through a relative («ما الذي اتفق عليه…») and «أي»
    /// after its noun («في أي مدينة استقبل…»).
    /// </summary>
    internal static readonly HashSet<string> ActionInterrogatives = new(StringComparer.Ordinal) { "ماذا", "بماذا", "لماذا", "كيف", "ما", "متي", "اين", "هل", "اي" };

    /// <summary>
    /// Words that carry the relation in the word after them: support verbs («تولى الإشراف», «قام بزيارة») and modals
    /// («لازم يزيل», «يجب أن…»): that word is the relation.
    /// </summary>
    internal static readonly HashSet<string> SupportVerbs = new(StringComparer.Ordinal)
    {
        "تولي", "تتولي", "يتولي", "تولوا", "يتولون", "قام", "قامت", "يقوم", "تقوم", "قاموا", "يقومون", "اجري", "اجرت", "لازم", "يجب", "ينبغي", "يمكن", "ممكن", "يلزم", "بد",
    };

    /// <summary>Verbs asking how long something lasted: «كم استغرق/دام/استمر…», «ما المدة التي استغرقها…».</summary>
    internal static readonly HashSet<string> DurationVerbs = new(StringComparer.Ordinal)
    {
        "استغرق", "استغرقت", "يستغرق", "تستغرق", "استغرقها", "استغرقته", "استغرقتها", "دام", "دامت", "يدوم", "تدوم", "استمر", "استمرت", "يستمر", "تستمر", "طال", "طالت", "طولت",
    };

    /// <summary>
    /// Stems of the nouns that name a meeting or a call the press uses for one another («المكالمة» and «الاتصال الهاتفي»):
    /// what is counted or timed may be named either way. Only that check uses them; evidence still needs the question's words.
    /// </summary>
    internal static readonly Dictionary<string, string[]> EventSynonyms = new(StringComparer.Ordinal)
    {
        ["مكالم"] = ["اتصال"], ["اتصال"] = ["مكالم"],
        ["لقاء"] = ["اجتماع"], ["اجتماع"] = ["لقاء"],
        ["محادث"] = ["مباحث"], ["مباحث"] = ["محادث"],
    };

    /// <summary>A statement named by its source, without the article: "بيان تيلرسون", "بيان الكرملين" ("البيان المشترك" is not).</summary>
    internal static readonly HashSet<string> StatementNouns = new(StringComparer.Ordinal) { "بيان", "تصريح", "تصريحات", "تقرير", "رساله", "كلمه" };

    /// <summary>Words after which a question names its point of reference, not what it asks for: «قبل قمة فيتنام», «غير داعش».</summary>
    internal static readonly HashSet<string> ReferenceMarkers = new(StringComparer.Ordinal)
    {
        "قبل", "غير", "سوي", "عدا", "باستثناء", "بخلاف", "خلاف",
    };

    /// <summary>At most this many content words after a <see cref="ReferenceMarkers"/> word name the reference («قبل لقاء دا نانغ»).</summary>
    internal const int MaxReferenceWords = 3;

    /// <summary>Words that cite the answer's source («بحسب موقع الوقت»); the <see cref="MaxReferenceWords"/> content words after one name it.</summary>
    internal static readonly HashSet<string> AttributionMarkers = new(StringComparer.Ordinal) { "حسب", "بحسب", "وفق", "وفقا", "طبقا" };

    /// <summary>
    /// Verbs of reporting, without an attached pronoun, in matching form: after «كما» or a relative («كما نقله موقع
    /// الوقت», «البيان الذي أوردته الوكالة») they open a citation of the source, as an <see cref="AttributionMarkers"/> word does.
    /// </summary>
    internal static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal) { "نقل", "نقلت", "اورد", "اوردت", "نشر", "نشرت", "روي", "رواه" };

    /// <summary>
    /// The kind of outlet a cited source is («موقع الوقت», «وكالة الأنباء»), in matching form: in a citation it says what
    /// the source is, not what the answer is about, and the documents name the outlet without it.
    /// </summary>
    internal static readonly HashSet<string> OutletNouns = new(StringComparer.Ordinal) { "موقع", "الموقع", "صحيفه", "الصحيفه", "وكاله", "الوكاله", "قناه", "القناه", "جريده", "الجريده", "مجله", "المجله", "شبكه", "الشبكه" };

    /// <summary>A definite adjective of origin («الأوروبي», «التركية»), in matching form: after a name or an office it qualifies it.</summary>
    internal static bool IsNisba(string word) =>
        word.Length > 5 && word.StartsWith("ال", StringComparison.Ordinal) && (word.EndsWith('ي') || word.EndsWith("يه", StringComparison.Ordinal));

    /// <summary>"What", as it comes before a speech verb whose speaker was named first ("لافروف شو قال…").</summary>
    internal static readonly HashSet<string> WhatWords = new(StringComparer.Ordinal) { "شو", "ايش", "اش", "ماذا", "ما" };

    /// <summary>
    /// Words that attribute what follows to someone: the word right after them names whose words or view it is. Verbs
    /// that call on or warn others («دعا», «حث», «طالب», «حذر») attribute too: «إلامَ دعا تيلرسون…» is not answered by
    /// what another speaker called for.
    /// </summary>
    internal static readonly HashSet<string> SpeechWords = new(StringComparer.Ordinal)
    {
        "قال", "قالت", "يقول", "تقول", "ذكر", "ذكرت", "وصف", "وصفت", "يصف", "اعتبر", "اعتبرت", "يعتبر", "راي", "براي",
        "موقف", "رد", "رده", "ردت", "يرد", "ترد", "تعليق", "صرح", "صرحت", "علق", "علقت",
        "دعا", "دعت", "يدعو", "تدعو", "حث", "حثت", "يحث", "تحث", "طالب", "طالبت", "يطالب", "تطالب", "حذر", "حذرت", "يحذر", "تحذر",
        "اعرب", "اعربت", "يعرب", "تعرب",
    };

    /// <summary>Prepositions that say what a view is about («إزاء», «تجاه», «حيال», «بشأن»), in matching form.</summary>
    internal static readonly HashSet<string> TopicPrepositions = new(StringComparer.Ordinal) { "ازاء", "تجاه", "حيال", "بشان", "حول", "ضد", "نحو" };

    /// <summary>
    /// Verbs of expressing a view that name their speaker after «عنه/عنها» («الموقف الذي عبّر عنه المبعوث»); «عبر»
    /// alone is also «via» («عبر منصة أستانا»), so it introduces no one by itself.
    /// </summary>
    internal static readonly HashSet<string> ExpressingVerbs = new(StringComparer.Ordinal) { "عبر", "عبرت", "اعرب", "اعربت" };
}
