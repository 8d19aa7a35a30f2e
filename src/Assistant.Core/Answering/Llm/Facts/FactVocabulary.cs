using Assistant.Analysis;

namespace Assistant.Answering.Llm.Facts;

/// <summary>
/// The words that carry facts in a model's claim, written as Arabic is and brought to the analyser's matching form at
/// start: numbers and ordinals, months and weekdays, negation particles, words of increase and decrease, names, and the
/// paraphrases a claim may use for the span's own words. Lookups take a word's normalised form without its proclitics
/// (see <see cref="FactWord.Bare"/>).
/// </summary>
internal static class FactVocabulary
{
    private static readonly ArabicTextAnalyzer Analyzer = new();

    /// <summary>Cardinals (masculine and feminine, nominative and oblique), fractions and ordinals, by value.</summary>
    public static readonly Dictionary<string, double> NumberWords = Normalized(new (string[] Words, double Value)[]
    {
        (["واحد", "واحدة"], 1), (["اثنان", "اثنين", "اثنتان", "اثنتين", "ساعتين", "ساعتان", "يومين", "يومان", "مرتين"], 2),
        (["ثلاث", "ثلاثة"], 3), (["أربع", "أربعة"], 4), (["خمس", "خمسة"], 5), (["ست", "ستة"], 6), (["سبع", "سبعة"], 7),
        (["ثماني", "ثمانية", "ثمان"], 8), (["تسع", "تسعة"], 9), (["عشر", "عشرة"], 10), (["عشرون", "عشرين"], 20),
        (["ثلاثون", "ثلاثين"], 30), (["أربعون", "أربعين"], 40), (["خمسون", "خمسين"], 50), (["مئة", "مائة"], 100),
        (["مئتان", "مئتين", "مائتين"], 200), (["ألف"], 1000), (["ألفين", "ألفان"], 2000), (["مليون"], 1_000_000),
        (["نصف"], 0.5), (["ربع"], 0.25), (["ثلث"], 1.0 / 3),
        (["الأول", "الأولى", "أول"], 1), (["الثاني", "الثانية"], 2), (["الثالث", "الثالثة", "ثالث"], 3),
        (["الرابع", "الرابعة", "رابع"], 4), (["الخامس", "الخامسة", "خامس"], 5), (["السادس", "السادسة"], 6),
        (["السابع", "السابعة"], 7), (["الثامن", "الثامنة"], 8), (["التاسع", "التاسعة"], 9), (["العاشر", "العاشرة"], 10),
    });

    /// <summary>Month names, Levantine and Egyptian, by month number; the two-word Levantine ones by their first word and the ordinal after it.</summary>
    public static readonly Dictionary<string, int> Months = Normalized(new (string[] Words, int Value)[]
    {
        (["يناير"], 1), (["شباط", "فبراير"], 2), (["آذار", "مارس"], 3), (["نيسان", "أبريل", "إبريل"], 4), (["أيار", "مايو"], 5),
        (["حزيران", "يونيو", "يونيه"], 6), (["تموز", "يوليو", "يوليه"], 7), (["آب", "أغسطس", "اغسطس"], 8), (["أيلول", "سبتمبر"], 9),
        (["أكتوبر"], 10), (["نوفمبر"], 11), (["ديسمبر"], 12),
    });

    /// <summary>«تشرين الأول» 10, «تشرين الثاني» 11, «كانون الأول» 12, «كانون الثاني» 1.</summary>
    public static readonly Dictionary<(string, string), int> TwoWordMonths = new()
    {
        [(Norm("تشرين"), Norm("الأول"))] = 10, [(Norm("تشرين"), Norm("الثاني"))] = 11,
        [(Norm("كانون"), Norm("الأول"))] = 12, [(Norm("كانون"), Norm("الثاني"))] = 1,
    };

    /// <summary>Every form <see cref="Months"/> and <see cref="TwoWordMonths"/> (by its first word) look a word up by.</summary>
    private static readonly HashSet<string> MonthEndings = new(Months.Keys.Concat(TwoWordMonths.Keys.Select(k => k.Item1)), StringComparer.Ordinal);

    /// <summary><see cref="MonthEndings"/> looked up by a span of a word, without a string.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthEndingsBySpan = MonthEndings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lengths of <see cref="MonthEndings"/>, shortest first.</summary>
    public static readonly int[] MonthEndingLengths = [.. MonthEndings.Select(e => e.Length).Distinct().Order()];

    /// <summary>Month names that are also common words («آب» is «أب» once normalised, «مارس» a verb): a month only beside a number.</summary>
    public static readonly HashSet<string> AmbiguousMonths = [Norm("آب"), Norm("مارس")];

    /// <summary>Weekdays, with the article they are written with («الأحد» without it is «أحد», someone).</summary>
    public static readonly Dictionary<string, int> Weekdays = Normalized(new (string[] Words, int Value)[]
    {
        (["السبت"], 6), (["الأحد"], 0), (["الاثنين", "الإثنين"], 1), (["الثلاثاء"], 2), (["الأربعاء"], 3), (["الخميس"], 4), (["الجمعة"], 5),
    });

    /// <summary>Words that negate what follows them («لا يوجد», «لم يتفق», «عدم التدخل», «غير مقبول»).</summary>
    public static readonly HashSet<string> Negators = NormalizedSet(
        "لا", "لم", "لن", "ليس", "ليست", "ليسا", "ليستا", "ليسوا", "لسنا", "لست", "غير", "دون", "بدون", "عدم", "بلا");

    /// <summary>What ends a negation's reach: «لا يوجد حل عسكري بل سياسي».</summary>
    public static readonly HashSet<string> NegationEnds = NormalizedSet("بل", "لكن", "ولكن", "إنما", "وإنما");

    /// <summary>Words that follow a negator without being negated by it: «غير أن» (however), «لا سيما» (especially).</summary>
    public static readonly HashSet<string> NotNegated = NormalizedSet("أن", "سيما");

    /// <summary>Words of increase; their terms, so that every inflection meets.</summary>
    public static readonly HashSet<string> Increase = TermsOf(
        "زيادة", "زاد", "يزيد", "تزيد", "ازدياد", "ارتفاع", "ارتفع", "يرتفع", "رفع", "يرفع", "ترفع", "تعزيز", "عزز", "يعزز",
        "توسيع", "وسع", "يوسع", "مضاعفة", "ضاعف", "نمو", "تصاعد", "صعود", "تكثيف", "كثف", "يكثف", "مزيد");

    /// <summary>Words of decrease («الحد» only before «من»: see <see cref="Limit"/>).</summary>
    public static readonly HashSet<string> Decrease = TermsOf(
        "خفض", "يخفض", "تخفض", "تخفيض", "انخفاض", "انخفض", "تقليص", "قلص", "يقلص", "تقليل", "قلل", "يقلل", "تراجع", "يتراجع",
        "نقص", "هبوط", "هبط", "تخفيف", "خفف", "يخفف");

    /// <summary>«الحد» of «الحد من» (limiting), a decrease; alone it is a limit or a border.</summary>
    public static readonly string Limit = Norm("حد");

    /// <summary>
    /// People, places, organisations and titles of the domain. Every word a claim adds is checked; these are the ones a
    /// rejection names as a name rather than as another unsupported word.
    /// </summary>
    public static readonly HashSet<string> Names = TermsOf(
        "ترامب", "بوتين", "الأسد", "بشار", "لافروف", "تيلرسون", "كيري", "أوباما", "أردوغان", "روحاني", "ظريف", "دي ميستورا",
        "غوتيريش", "بيسكوف", "شويغو", "نتنياهو", "ماكرون", "ميركل", "خامنئي", "دونالد", "فلاديمير", "ريكس", "سيرغي",
        "موسكو", "واشنطن", "دمشق", "حلب", "إدلب", "الرقة", "دير الزور", "حمص", "حماة", "درعا", "الغوطة", "جنيف", "أستانا",
        "سوتشي", "فيينا", "الرياض", "أنقرة", "طهران", "بيروت", "عمان", "القاهرة", "بغداد", "باريس", "لندن", "برلين", "بكين",
        "نيويورك", "فلوريدا", "فيتنام", "دا نانغ", "هانوي", "كازاخستان", "سوريا", "روسيا", "تركيا", "إيران", "العراق",
        "لبنان", "الأردن", "إسرائيل", "السعودية", "قطر", "مصر", "الصين", "فرنسا", "بريطانيا", "ألمانيا", "أمريكا",
        "الولايات المتحدة", "كوريا", "اليابان", "الروسي", "الأمريكي", "التركي", "الإيراني", "السوري", "الأردني",
        "الأمم المتحدة", "مجلس الأمن", "داعش", "النصرة", "الناتو", "أبيك", "الكرملين", "البنتاغون", "البيت الأبيض",
        "الرئيس", "وزير", "الملك", "الأمير", "سفير", "مبعوث", "المتحدث", "الأمين العام", "مستشار", "نائب", "رئيس الوزراء");

    /// <summary>
    /// Words a claim may add without the span saying them: they frame or attribute a statement, or mark a date, and carry
    /// no fact of their own («أكد البيان أن…», «في عام 2017», «وفقاً للنص»).
    /// </summary>
    public static readonly HashSet<string> Framing = TermsOf(
        "قال", "قالت", "يقول", "أضاف", "أوضح", "أشار", "ذكر", "ذكرت", "أفاد", "صرح", "أعلن", "أعلنت", "لفت", "نوه", "أكد", "أكدت",
        "أكدا", "يؤكد", "وفق", "وفقا", "حسب", "بحسب", "طبقا", "نص", "المقطع", "النص", "الوثيقة", "المصدر", "جاء", "ورد", "تم",
        "يتم", "قام", "كذلك", "فقط", "عام", "سنة", "يوم", "شهر", "تاريخ", "إذ", "بشأن", "حول", "ذاته", "نفسه", "أنهما",
        "بأنه", "بأنهما", "هما", "كلا", "كلاهما", "الطرفان", "الجانبان", "حوالي", "نحو", "قرابة", "تقريبا", "زهاء",
        "صدر", "أصدر", "يصدر", "صادر");

    /// <summary>Groups of words a claim may use for one another: a claim word is supported when a word of its group is in the span.</summary>
    public static readonly Dictionary<string, HashSet<string>> Paraphrases = Groups(
        ["اتفق", "اتفقا", "توافق", "اتفاق"],
        ["شدد", "أكد", "جدد"],
        ["دعا", "دعوا", "دعيا", "حث", "حثا", "طالب", "ناشد"],
        ["لقاء", "اجتماع", "التقى", "التقيا", "اجتمع", "قمة"],
        ["مكالمة", "اتصال", "محادثة"],
        ["محادثات", "مباحثات", "مفاوضات"],
        ["عقد", "انعقد", "جرى", "أقيم", "عقدت"],
        ["أصدر", "صدر", "نشر", "أصدرا"],
        ["استغرق", "دام", "استمر"],
        ["ناقش", "بحث", "تناول", "تباحث", "بحثا", "ناقشا"],
        ["رحب", "رحبا", "أشاد"],
        ["حل", "تسوية"],
        ["صراع", "نزاع", "أزمة"],
        ["هاتفي", "هاتفيا", "تلفوني", "هاتف"],
        ["بلد", "دولة", "دول", "بلدان"],
        ["شارك", "حضر", "مشارك", "شاركت"],
        ["ضامن", "ضامنة", "ضامني", "كفيل"],
        ["مراقبة", "رصد", "مراقبه"],
        ["عسكري", "حربي"],
        ["هدنة", "وقف"],
        ["تنظيم", "جماعة"],
        ["إرهاب", "إرهابي", "الإرهابية"],
        ["العاصمة", "عاصمة"],
        ["اعتمد", "تبنى", "أقر"]);

    public static string Norm(string word) => Analyzer.Normalize(word);

    /// <summary>Terms with their rough roots (<see cref="ExtractiveAnswerGenerator.Core"/>): what words are matched by.</summary>
    public static HashSet<string> KeysOf(IEnumerable<string> terms)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            keys.Add(term);
            keys.Add(ExtractiveAnswerGenerator.Core(term));
        }
        return keys;
    }

    /// <summary>The normalised form without conjunction, proclitic and article («وبالحل» → «حل»), for table lookups.</summary>
    public static string Bare(string form)
    {
        var word = form;
        if (word.Length > 3 && word[0] is 'و' or 'ف') word = word[1..];
        foreach (var prefix in (ReadOnlySpan<string>)["بال", "لل", "كال", "ال", "ب", "ل", "ك"])
        {
            if (word.Length - prefix.Length >= 2 && word.StartsWith(prefix, StringComparison.Ordinal)) return word[prefix.Length..];
        }
        return word;
    }

    /// <summary>A word of a table, looked up as written and without its proclitics («والسبت», «بالأحد»).</summary>
    public static bool TryGet<T>(Dictionary<string, T> table, string form, out T value) =>
        table.TryGetValue(form, out value!) || table.TryGetValue(Bare(form), out value!)
        || (form.Length > 3 && form[0] is 'و' or 'ف' or 'ب' or 'ل' && table.TryGetValue(form[1..], out value!));

    public static bool Contains(HashSet<string> set, string form) =>
        set.Contains(form) || set.Contains(Bare(form)) || (form.Length > 2 && form[0] is 'و' or 'ف' && set.Contains(form[1..]));

    private static HashSet<string> NormalizedSet(params string[] words) => words.Select(Norm).ToHashSet(StringComparer.Ordinal);

    /// <summary>Spellings that differ only in what normalisation removes («أبريل», «إبريل») meet in one key.</summary>
    private static Dictionary<string, T> Normalized<T>((string[] Words, T Value)[] entries)
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (words, value) in entries)
        {
            foreach (var word in words) table.TryAdd(Norm(word), value);
        }
        return table;
    }

    /// <summary>Every analysed term of the words (a name of two words gives both terms).</summary>
    private static HashSet<string> TermsOf(params string[] words) => words.SelectMany(Analyzer.Terms).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each key (term or rough root) of a group maps to the keys of its whole group (a key in two groups gets both).</summary>
    private static Dictionary<string, HashSet<string>> Groups(params string[][] groups)
    {
        var byTerm = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var terms = KeysOf(TermsOf(group));
            foreach (var term in terms)
            {
                if (!byTerm.TryGetValue(term, out var set)) byTerm[term] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(terms);
            }
        }
        return byTerm;
    }
}
