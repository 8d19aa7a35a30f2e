namespace Assistant.Answering.Normalization;

/// <summary>
/// How people wrap a question in a chat, as data: greetings, thanks, politeness, the asking frame («سؤالي هو»، «بدي
/// أعرف») and the source frame («بحسب الوثائق»، «بناءً على الأخبار المتوفرة»). Only cut from the start or the end of a
/// clause; a wrapper word inside a question («ما الذي أكده البيان بحسب بوتين؟») is left alone.
/// </summary>
internal static class QuestionWrappers
{
    private static readonly string[] Greetings =
    [
        "السلام عليكم", "السلام عليكم ورحمة الله", "السلام عليكم ورحمة الله وبركاته", "وعليكم السلام", "سلام", "سلام عليكم",
        "مرحبا", "مرحباً", "مرحبتين", "أهلا", "أهلاً", "أهلين", "أهلا وسهلا", "هلا", "هلا والله", "يا هلا", "هاي", "هلو", "الو",
        "صباح الخير", "صباح النور", "مساء الخير", "مساء النور", "تحية طيبة", "تحياتي", "عزيزي", "hi", "hello", "hey",
        // Asking after the other's health («هلا، كيفك؟ …») asks nothing of the documents.
        "كيفك", "كيفكم", "كيف حالك", "كيف حالكم", "شلونك", "شلونكم", "ازيك", "إزيك", "إزيكم", "عامل إيه", "عامل ايه",
        "شخبارك", "شو أخبارك", "شو اخبارك", "لاباس عليك",
    ];

    private static readonly string[] Thanks =
    [
        "شكرا", "شكراً", "شكرا جزيلا", "شكرا لك", "شكرا لكم", "شكرا كتير", "شكرا كثيرا", "شكرا مقدما", "شكرا سلفا", "مع الشكر",
        "ألف شكر", "مشكور", "مشكورة", "مشكورين", "يعطيك العافية", "الله يعطيك العافية", "جزاك الله خيرا", "تسلم", "تسلمي",
        "تسلم إيدك", "يسلمو", "يسلموا", "ممنون", "ممنونك", "بارك الله فيك", "thanks", "thank you", "thx", "merci",
    ];

    private static readonly string[] Politeness =
    [
        "لو سمحت", "لو سمحتي", "لو سمحتم", "إذا سمحت", "اذا سمحت", "من فضلك", "من فضلكم", "رجاء", "رجاءً", "الرجاء", "أرجو",
        "أرجوك", "أرجو منك", "لو تكرمت", "لو تكرمتم", "بليز", "please", "plz", "ممكن", "إذا ممكن", "لو ممكن", "يا ريت", "ياريت",
        "بعد إذنك", "عفوا", "عفواً", "يا صديقي", "يا أخي", "ياخي", "يا بوت", "يا مساعد",
        "الله يخليك", "الله يخليكي", "الله يخليكم", "الله يرضى عليك", "الله يرضى عليكي", "الله يسعدك", "الله يعافيك",
        // Asking for help before the question.
        "أتمنى تساعدني", "أتمنى أن تساعدني", "ممكن تساعدني", "ممكن مساعدة", "ساعدني", "ساعدني لو سمحت", "أحتاج مساعدة",
        "محتاج مساعدة", "محتاجة مساعدة", "عندي طلب", "ممكن خدمة",
    ];

    private static readonly string[] AskingFrames =
    [
        "سؤالي هو", "سؤالي", "سؤال", "عندي سؤال", "لدي سؤال", "سؤال سريع", "عندي استفسار", "استفسار", "السؤال هو", "السؤال",
        "أود معرفة", "أريد معرفة", "أرغب في معرفة", "أسأل عن",
        "ممكن تقولي", "ممكن تقول لي", "ممكن تفيدني", "تفيدني", "ممكن تفيدنا", "ممكن تخبرني", "ممكن تشرح لي", "ممكن توضح لي", "ممكن أعرف", "ممكن اعرف", "ممكن نعرف",
        "قل لي", "قولي", "قلي", "قللي", "تقلي", "تقللي", "تقولي", "تقول لي", "تخبرني", "أخبرني", "خبرني", "احكيلي", "احكي لي", "وضح لي", "اشرح لي", "فهمني", "علمني",
        // «لي» fused with the verb, as it is typed in speech.
        "توضحلي", "وضحلي", "تشرحلي", "اشرحلي", "ياريت توضحلي", "يا ريت توضحلي", "ممكن توضحلي", "ممكن تشرحلي",
        "هل يمكنك أن تخبرني", "هل يمكنك إخباري", "هل تستطيع أن تخبرني", "هل يمكن أن تخبرني", "هل لك أن تخبرني", "هل بإمكانك",
        "هل تعرف", "هل تعلم", "تعرف", "بتعرف", "تعرفي", "أستفسر عن", "للاستفسار",
        // Requests that ask without an interrogative: what follows them is the question («أحتاج إلى معرفة البلد الذي…»).
        "أحتاج إلى معرفة", "أحتاج معرفة", "أحتاج أن أعرف", "نحتاج إلى معرفة", "أريد أن أفهم", "أود الاستفسار عن",
        "اذكر لي", "اذكري لي", "اذكروا لي", "حدثني عن", "حدثيني عن", "كلمني عن", "أبحث عن", "ابحث لي عن", "دلني على",
        "ياريت توضح لي", "يا ريت توضح لي", "أرجو توضيح", "أرجو إفادتي", "أرجو إفادتي عن", "أفدني", "أفيدوني", "أفيدونا",
        "نرجو إفادتنا", "نرجو إفادتنا عن", "يرجى توضيح", "يرجى ذكر", "يرجى إفادتي", "أرجو أن تخبرني", "هل يمكن معرفة",
    ];

    /// <summary>«بحسب» + «الوثائق» + «المتوفرة»: where the answer should come from, in every order people put it.</summary>
    private static readonly string[] SourcePrepositions =
    [
        "بحسب", "حسب", "وفقا ل", "وفق", "طبقا ل", "بناء على", "استنادا إلى", "اعتمادا على", "في ضوء", "على ضوء", "بالاعتماد على", "من خلال", "في", "من", "كما ورد في",
        "كما جاء في", "حسب ما ورد في", "بحسب ما ورد في", "حسب ما جاء في", "بحسب ما جاء في", "وفقا لما ورد في", "بالرجوع إلى",
        "كما قال", "كما ذكر", "كما ذكرت", "كما يقول", "كما تقول",
    ];

    /// <summary>After the question's noun: «من هو الوزير المذكور في الوثائق؟», «… المذكور في البيان؟».</summary>
    private static readonly string[] MentionPrepositions =
    [
        "المذكور في", "المذكورة في", "المذكورين في", "الوارد في", "الواردة في", "الوارد ذكره في", "اللي في",
    ];

    /// <summary>
    /// A statement or report as such: «في البيان» may name which one a question is about, but «المذكور في البيان»
    /// at the question's end only says where its noun was met.
    /// </summary>
    private static readonly string[] StatementNouns = ["البيان", "التقرير", "المقالة", "التصريح", "الإعلان", "النبأ"];

    private static readonly string[] SourceNouns =
    [
        "الوثائق", "الوثيقة", "النصوص", "النص", "الأخبار", "الخبر", "المقالات", "المقال", "المستندات", "المستند", "المصادر",
        "الملفات", "الملف", "المعلومات", "المواد", "المحتوى", "السجلات", "البيانات المتاحة",
    ];

    private static readonly string[] Availability = ["المتوفرة", "المتاحة", "الموجودة", "المرفقة", "المقدمة"];

    private static readonly string[] Holders = ["لديك", "عندك", "التي لديك", "اللي عندك"];

    /// <summary>«الوثائق» + «المتوفرة لديك», «فقط», «هذه»: how people say which documents they mean, one word or two.</summary>
    private static readonly string[] SourceQualifiers =
        ["", .. Availability, .. Holders, .. from available in Availability from holder in Holders select available + " " + holder, "فقط", "هذه", "دي"];

    /// <summary>«عندي سؤال سريع», «ممكن مساعدة سريعة», «استفسار بسيط»: the request announced, with how small it is.</summary>
    private static readonly string[] Requests = ["سؤال", "استفسار", "مساعدة", "طلب"];

    private static readonly string[] RequestHolders = ["", "عندي", "لدي", "ممكن"];

    private static readonly string[] RequestSizes = ["سريع", "سريعة", "بسيط", "بسيطة", "صغير", "صغيرة", "قصير"];

    private static readonly string[] Fillers = ["يعني", "طيب", "طب", "بس", "لو سمحت يعني", "ok", "okay", "اوكي"];

    /// <summary>How the asker wants the answer given: every answer is short and cited anyway.</summary>
    private static readonly string[] AnswerRequests =
    [
        "باختصار", "باختصار من فضلك", "باختصار لو سمحت", "مع ذكر المصدر", "مع ذكر المصادر", "مع المصدر", "مع المصادر",
        "أرجو الرد", "أرجو الرد بسرعة", "الرد بسرعة", "بسرعة لو سمحت", "على السريع",
    ];

    /// <summary>«بدي» + «أتأكد»: wanting to know, ask, check or understand, in every register people mix them.</summary>
    private static readonly string[] Wants = ["بدي", "بدنا", "أريد", "أريد أن", "نريد أن", "أود", "أود أن", "حابب", "حاب", "حابة", "عايز", "عاوز", "عايزة", "أبغى", "أبي", "ودي", "بغيت", "نبغي"];

    private static readonly string[] Knows = ["أعرف", "اعرف", "نعرف", "أسأل", "اسأل", "نسأل", "أتأكد", "اتأكد", "نتأكد", "أفهم", "افهم", "نفهم", "أستفسر", "استفسر", "أتحقق", "اتحقق"];

    /// <summary>
    /// Words said for emphasis or politeness inside a question («كم يا ترى…»، «…بالضبط؟»، «من من فضلك…»): they carry
    /// nothing asked, wherever they stand, and between an interrogative and its noun they hide what it asks for.
    /// </summary>
    public static readonly PhraseTable Interjections = new(
    [
        "يا ترى", "ياترى", "بالضبط", "بالظبط", "بالزبط", "بالتحديد", "تحديدا", "تحديداً", "على وجه الدقة", "على وجه التحديد", "أصلا", "أصلاً", "من فضلك", "من فضلكم",
        "لو سمحت", "لو سمحتي", "لو سمحتم", "رجاء", "رجاءً", "بليز", "please", "plz",
    ]);

    /// <summary>Thanks alone, to tell a message that thanks from one that greets.</summary>
    public static readonly PhraseTable ThanksPhrases = new(Thanks);

    public static readonly PhraseTable Phrases = new(
        Greetings.Concat(Thanks).Concat(Politeness).Concat(AskingFrames).Concat(WantingFrames()).Concat(RequestFrames()).Concat(Fillers).Concat(AnswerRequests).Concat(SourceFrames()));

    private static IEnumerable<string> WantingFrames() => from want in Wants from know in Knows select want + " " + know;

    private static IEnumerable<string> RequestFrames() =>
        from holder in RequestHolders from request in Requests from size in RequestSizes
        select (holder.Length > 0 ? holder + " " : "") + request + " " + size;

    private static IEnumerable<(string Preposition, string Noun)> Pairs(IEnumerable<string> prepositions, string[] nouns) =>
        from preposition in prepositions from noun in nouns select (preposition, noun);

    private static IEnumerable<string> SourceFrames() =>
        from source in Pairs(SourcePrepositions.Concat(MentionPrepositions), SourceNouns).Concat(Pairs(MentionPrepositions, StatementNouns))
        let preposition = source.Preposition
        let noun = source.Noun
        from qualifier in SourceQualifiers
        // «وفقا ل» + «الوثائق» is written «وفقا للوثائق».
        select (preposition.EndsWith(" ل", StringComparison.Ordinal) ? preposition[..^1] + "ل" + noun[1..] : preposition + " " + noun)
            + (qualifier.Length > 0 ? " " + qualifier : "");
}
