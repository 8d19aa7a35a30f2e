namespace Assistant.Answering;

/// <summary>
/// What answers «أين»: the name of a country, a capital or a large city (a gazetteer of world geography, written as
/// Arabic is written), or the name that follows a word for a place («مدينة البوكمال», «ولاية فلوريدا»). Not a list of the
/// documents' places: a place the gazetteer lacks is still found through the word that introduces it.
/// </summary>
internal static class Places
{
    /// <summary>Words for a kind of place: the word after one is a place name.</summary>
    public static readonly string[] Nouns =
    [
        "مدينة", "بلدة", "قرية", "عاصمة", "ولاية", "محافظة", "منطقة", "إقليم", "مقاطعة", "جزيرة", "منتجع", "ميناء", "مطار", "قاعدة", "حي", "ضاحية",
    ];

    /// <summary>Countries: a country does not answer «في أي مدينة».</summary>
    public static readonly string[] Countries =
    [
        "سوريا", "سورية", "العراق", "الأردن", "لبنان", "فلسطين", "إسرائيل", "مصر", "السعودية", "اليمن", "عمان", "الإمارات", "قطر", "البحرين",
        "الكويت", "ليبيا", "تونس", "الجزائر", "المغرب", "السودان", "موريتانيا", "الصومال", "جيبوتي", "تركيا", "إيران", "أفغانستان", "باكستان",
        "الهند", "الصين", "اليابان", "كوريا", "فيتنام", "تايلاند", "إندونيسيا", "ماليزيا", "الفلبين", "أستراليا", "روسيا", "أوكرانيا",
        "بيلاروسيا", "كازاخستان", "أوزبكستان", "أذربيجان", "أرمينيا", "جورجيا", "ألمانيا", "فرنسا", "بريطانيا", "إنجلترا", "إيطاليا", "إسبانيا",
        "البرتغال", "هولندا", "بلجيكا", "سويسرا", "النمسا", "بولندا", "السويد", "النرويج", "الدنمارك", "فنلندا", "اليونان", "قبرص",
        "الولايات المتحدة", "أمريكا", "أميركا", "كندا", "المكسيك", "البرازيل", "الأرجنتين", "فنزويلا", "كوبا", "نيجيريا", "إثيوبيا", "كينيا",
    ];

    /// <summary>Capitals, large cities and a few states («فلوريدا»).</summary>
    public static readonly string[] Cities =
    [
        "دمشق", "حلب", "حمص", "حماة", "اللاذقية", "طرطوس", "إدلب", "الرقة", "دير الزور", "الحسكة", "القامشلي", "درعا", "السويداء", "القنيطرة",
        "بغداد", "الموصل", "البصرة", "أربيل", "عمان", "بيروت", "القدس", "غزة", "القاهرة", "الإسكندرية", "الرياض", "جدة", "مكة", "المدينة المنورة",
        "صنعاء", "عدن", "مسقط", "أبوظبي", "دبي", "الدوحة", "المنامة", "طرابلس", "بنغازي", "الجزائر", "الرباط", "الدار البيضاء", "الخرطوم",
        "أنقرة", "إسطنبول", "طهران", "كابول", "إسلام آباد", "نيودلهي", "بكين", "شنغهاي", "طوكيو", "سيول", "هانوي", "بانكوك", "جاكرتا",
        "موسكو", "سان بطرسبرغ", "سوتشي", "كييف", "مينسك", "أستانا", "نور سلطان", "ألماتي", "طشقند", "باكو", "يريفان", "تبليسي",
        "برلين", "هامبورغ", "ميونخ", "فرانكفورت", "باريس", "لندن", "روما", "مدريد", "برشلونة", "لشبونة", "أمستردام", "بروكسل", "جنيف",
        "زيورخ", "فيينا", "وارسو", "ستوكهولم", "أوسلو", "كوبنهاغن", "هلسنكي", "أثينا", "نيقوسيا", "ميونيخ", "دافوس", "هلسنكي",
        "واشنطن", "نيويورك", "فلوريدا", "كاليفورنيا", "تكساس", "شيكاغو", "لوس أنجلوس", "أوتاوا", "مكسيكو", "برازيليا", "بوينس آيرس",
        "أبوجا", "لاغوس", "أديس أبابا", "نيروبي",
    ];

    public static IEnumerable<string> Names => Countries.Concat(Cities);

    /// <summary>
    /// The shortest stem of an adjective of origin read as the start of its country's name: shorter ones («روس», «ترك»)
    /// are already the country's own stem, and would begin unrelated names.
    /// </summary>
    private const int MinNisbaStem = 4;

    /// <summary>The countries' analysed terms (<see cref="Countries"/>), in matching form.</summary>
    private static readonly string[][] CountryTerms = Build();

    /// <summary>
    /// The terms of the country an adjective of origin names, when its stem is only the start of the country's
    /// («الكازاخي» → «كازاخستان»): the light stemmer meets «الروسي» with «روسيا», not a nisba with a longer name.
    /// </summary>
    public static IEnumerable<string> CountriesOf(IReadOnlyList<string> terms) =>
        CountryTerms.Where(country => country.Any(c => terms.Any(t => t.Length >= MinNisbaStem && c.Length > t.Length && c.StartsWith(t, StringComparison.Ordinal))))
            .SelectMany(country => country).Except(terms);

    private static string[][] Build()
    {
        var analyzer = new Analysis.ArabicTextAnalyzer();
        return [.. Countries.Select(country => analyzer.Terms(country).ToArray())];
    }
}
