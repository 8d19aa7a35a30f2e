using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>What kind of answer a question asks for, read from its interrogative (متى، كم، لماذا، من هو …).</summary>
/// <remarks><see cref="Time"/> (متى) is also answered by an event ("بعد التخلص من…"); <see cref="Date"/> ("في أي يوم") only by a date;
/// <see cref="Year"/> ("في أي عام") only by a year. <see cref="Outcome"/> ("ما النتائج التي أسفرت عنها القمة؟") asks what an event
/// produced, which a sentence announcing the event as still to come cannot say.</remarks>
public enum AnswerKind { Any, Time, Date, Year, Quantity, Reason, Identity, Outcome }

/// <summary>
/// The parts of a question that matter for matching evidence: its content words (each with the terms it analyses to)
/// and the kind of answer it asks for. Interrogatives and other function words ("حسب", "وفق", "عنه") are not content.
/// </summary>
/// <param name="Words">Every word of the question in matching form (interrogatives included).</param>
/// <param name="Subject">What the answer must be said of: for an identity question ("من هو رئيس الوزراء الأردني؟", "ما اسم وزير
/// الخارجية …؟") the content words that describe whom it asks about, in order; for «كم عدد X» and «كم استغرق X» the counted
/// or timed noun X (with the other names of a meeting or a call); empty otherwise.</param>
public sealed record QuestionIntent(AnswerKind Kind, IReadOnlyList<QuestionWord> ContentWords, IReadOnlySet<string> Words, IReadOnlyList<QuestionWord> Subject)
{
    /// <summary>Words that frame a question rather than name its subject ("ما اسم…", "كيف وصف…", "بحسب…"): they count, but little.</summary>
    private static readonly HashSet<string> FramingWords = new(StringComparer.Ordinal)
    {
        "اسم", "نوع", "صفه", "وصف", "قال", "يقول", "قالت", "ذكر", "يذكر", "ذكرت", "اشار", "تحدث", "يتحدث", "راي", "نظر", "عدد",
        "سبب", "شيء", "امر", "بلغ", "يبلغ", "اهم", "براي", "جهه", "الامر", "بالتحديد", "تحديدا", "تم", "يتم",
        "بده", "بدها", "بدهم", "بدنا", "حكوا", "حكي", "شايف", "بخصوص", "خصوص",
        "بالنسبه", "النسبه", "تريد", "يريد", "يريدون", "اراد", "ارادت", "خبر", "الاسم", "الكامل",
    };

    /// <summary>
    /// Nouns of a role or title: after "من" they make an identity question without "هو" ("من مؤلف رواية…؟", "من رئيس
    /// الوفد؟"), where a verb would ask who did something ("من ترأس…؟").
    /// </summary>
    private static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        "مولف", "كاتب", "رييس", "قايد", "زعيم", "وزير", "مبعوث", "ممثل", "سفير", "مدير", "امين", "مستشار", "متحدث", "ناطق",
        "مسوول", "حاكم", "ملك", "امير", "منسق", "مخرج", "ملحن", "مكتشف", "مخترع", "موسس", "مدرب", "فايز", "بطل", "صاحب",
    };

    /// <summary>Words that end the description in an identity question: what follows says what the person did.</summary>
    private static readonly HashSet<string> RelativeWords = new(StringComparer.Ordinal) { "الذي", "التي", "الذين", "اللي", "يلي", "اللذي" };

    // Interrogatives and other function words, in matching form (normalised, unstemmed: "متى" appears as "متي", "أين" as "اين").
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "متي", "اين", "كم", "ماذا", "لماذا", "كيف", "هل", "من", "ما", "اي", "ايه", "ماهو", "ماهي", "مالذي", "بماذا", "لمن", "عمن", "عم", "بم", "فيم",
        "حسب", "بحسب", "وفق", "وفقا", "طبقا", "هو", "هي", "هم", "الذي", "التي", "الذين",
        // Colloquial forms analysts also type: شو/إيش (what), إمتى (when), وين/فين (where), مين (who), قديش/كام (how much), ليش/ليه (why),
        // and function words: اللي/يلي (which), رح (will), تبع (of); prepositions with a pronoun ("أسفرت عنه").
        "شو", "ايش", "اش", "امتي", "ايمتي", "وين", "فين", "مين", "قديش", "قداش", "كام", "ليش", "ليه", "اللي", "يلي", "رح", "تبع", "كمان", "هيك", "يعني", "هاد", "هادا", "هاي",
        "عنه", "عنها", "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "اليها", "له", "لها",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "متي", "تاريخ", "موعد", "يوم", "عام", "سنه", "شهر", "وقت" };

    private static readonly HashSet<string> YearWords = new(StringComparer.Ordinal) { "عام", "سنه", "العام", "السنه" };

    /// <summary>Words that ask what an event produced; "خرج" counts with "بها/به" ("القرارات التي خرجت بها").</summary>
    private static readonly HashSet<string> OutcomeWords = new(StringComparer.Ordinal)
    {
        "نتيجه", "النتيجه", "نتايج", "النتايج", "اسفر", "اسفرت", "تمخض", "تمخضت", "مخرجات", "حصيله",
    };

    private static readonly HashSet<string> OutcomeVerbs = new(StringComparer.Ordinal) { "خرج", "خرجت" };

    /// <summary>Words that ask for an expected outcome, which the texts may well state in the future tense.</summary>
    private static readonly HashSet<string> ExpectationWords = new(StringComparer.Ordinal)
    {
        "متوقع", "المتوقع", "متوقعه", "المتوقعه", "المرتقبه", "المنتظره", "يتوقع", "تتوقع", "ستسفر", "سيسفر",
    };

    private static readonly HashSet<string> DateNouns = new(StringComparer.Ordinal) { "تاريخ", "موعد" };

    /// <summary>Verbs asking how long something lasted: «كم استغرق/دام/استمر…».</summary>
    private static readonly HashSet<string> DurationVerbs = new(StringComparer.Ordinal)
    {
        "استغرق", "استغرقت", "يستغرق", "تستغرق", "دام", "دامت", "يدوم", "تدوم", "استمر", "استمرت", "يستمر", "تستمر", "طال", "طالت", "طولت",
    };

    /// <summary>
    /// Stems of the nouns that name a meeting or a call the press uses for one another («المكالمة» and «الاتصال الهاتفي»):
    /// what is counted or timed may be named either way. Only that check uses them; evidence still needs the question's words.
    /// </summary>
    private static readonly Dictionary<string, string[]> EventSynonyms = new(StringComparer.Ordinal)
    {
        ["مكالم"] = ["اتصال"], ["اتصال"] = ["مكالم"],
        ["لقاء"] = ["اجتماع"], ["اجتماع"] = ["لقاء"],
        ["محادث"] = ["مباحث"], ["مباحث"] = ["محادث"],
    };

    /// <summary>A statement named by its source, without the article: "بيان تيلرسون", "بيان الكرملين" ("البيان المشترك" is not).</summary>
    private static readonly HashSet<string> StatementNouns = new(StringComparer.Ordinal) { "بيان", "تصريح", "تصريحات", "تقرير", "رساله", "كلمه" };

    /// <summary>"What", as it comes before a speech verb whose speaker was named first ("لافروف شو قال…").</summary>
    private static readonly HashSet<string> WhatWords = new(StringComparer.Ordinal) { "شو", "ايش", "اش", "ماذا", "ما" };

    /// <summary>Words that attribute what follows to someone: the word right after them names whose words or view it is.</summary>
    private static readonly HashSet<string> SpeechWords = new(StringComparer.Ordinal)
    {
        "قال", "قالت", "يقول", "تقول", "ذكر", "ذكرت", "وصف", "وصفت", "يصف", "اعتبر", "اعتبرت", "يعتبر", "راي", "براي",
        "موقف", "رد", "تعليق", "صرح", "صرحت", "علق", "علقت",
    };

    public static QuestionIntent Of(string question, ArabicTextAnalyzer analyzer)
    {
        var kind = AnswerKind.Any;
        var words = new List<QuestionWord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var previous = "";
        var all = new HashSet<string>(StringComparer.Ordinal);
        var subject = new List<QuestionWord>();
        var subjectOpen = false;
        var countedWasDefinite = false;
        var lastWasContent = false;
        var contentBeforePrevious = false;
        var beforePrevious = "";
        analyzer.ForEachWord(question, 0, question.Length, (span, start, end) =>
        {
            var word = span.ToString();
            // «كم عدد السوريين…», «كم استغرقت المكالمة…»: what is counted or timed is the noun right after "عدد" or the verb
            // of duration, with its adjective (its complements, "لقاء ترامب وبوتين", name whose it is, not what is measured).
            var counted = kind == AnswerKind.Quantity && (previous == "عدد" || DurationVerbs.Contains(previous)) && subject.Count == 0;
            // A definite adjective after a definite noun qualifies it ("المحادثة الهاتفية", "الدول الضامنة").
            var qualifies = kind == AnswerKind.Quantity && subject.Count == 1 && countedWasDefinite && word.StartsWith("ال", StringComparison.Ordinal);
            countedWasDefinite = counted && word.StartsWith("ال", StringComparison.Ordinal);
            all.Add(word);
            var bare = WithoutProclitics(word);
            if (kind == AnswerKind.Any)
            {
                kind = KindOf(bare, previous);
                subjectOpen = kind == AnswerKind.Identity;
            }
            var namesKind = previous == "اي" || (previous == "ما" && DateNouns.Contains(bare));
            // The source of what is asked comes right after the word that introduces it: "قال بوتين…", "موقف السعودية
            // من…", "ما الذي أسفرت عنه القمة…", "نتائج المؤتمر"; in the colloquial order the speaker comes first: "لافروف شو قال…".
            var source = IntroducesSource(previous, beforePrevious);
            var afterStatement = StatementNouns.Contains(previous);
            // (contentBeforePrevious: the word before the interrogative was the last content word added.)
            if (SpeechWords.Contains(bare) && WhatWords.Contains(previous) && contentBeforePrevious && !words[^1].IsFraming)
            {
                words[^1] = words[^1] with { IsSource = true };
            }
            beforePrevious = previous;
            contentBeforePrevious = lastWasContent;
            previous = bare;
            lastWasContent = false;
            if (RelativeWords.Contains(bare)) subjectOpen = false;
            var terms = FunctionWords.Contains(bare) ? [] : analyzer.Analyze(question, start, end).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count == 0) return;
            var questionWord = new QuestionWord(terms, IsFraming(bare), namesKind)
            {
                IsSource = source && !IsFraming(bare) && !ExpectationWords.Contains(bare),
                NamesStatement = afterStatement,
            };
            lastWasContent = !seen.Contains(string.Join(' ', terms));
            if (subjectOpen && !questionWord.IsFraming) subject.Add(questionWord);
            if (counted || qualifies) subject.Add(questionWord with { Terms = [.. terms, .. terms.SelectMany(t => EventSynonyms.GetValueOrDefault(t, []))] });
            if (seen.Add(string.Join(' ', terms))) words.Add(questionWord);
        });
        // "ما اسم الموقع…" asks for a name the text may give without the generic noun; a description of two words or
        // more ("وزير الخارجية الروسي") is how the text itself would name the person.
        var asksName = all.Contains("اسم") || all.Contains("الاسم");
        if (kind == AnswerKind.Identity && asksName && subject.Count < 2) return new QuestionIntent(AnswerKind.Any, words, all, []);
        if (kind == AnswerKind.Any && AsksOutcome(all)) kind = AnswerKind.Outcome;
        return new QuestionIntent(kind, words, all, subject);
    }

    private static bool IntroducesSource(string previous, string beforePrevious) =>
        SpeechWords.Contains(previous) || OutcomeWords.Contains(previous)
        || (previous is "عنه" or "عنها" or "به" or "بها" && (OutcomeVerbs.Contains(beforePrevious) || OutcomeWords.Contains(beforePrevious)));

    private static bool AsksOutcome(HashSet<string> words)
    {
        var outcome = words.Overlaps(OutcomeWords) || (words.Overlaps(OutcomeVerbs) && (words.Contains("بها") || words.Contains("به")));
        return outcome && !words.Overlaps(ExpectationWords);
    }

    private static bool IsFraming(string word) =>
        FramingWords.Contains(word) || (word.Length > 3 && word[0] is 'و' or 'ف' or 'ب' or 'ل' && FramingWords.Contains(word[1..]));

    /// <summary>"وبأي" → "اي", "لماذا" stays: up to two proclitics (و ف ب ل ك) are removed when what is left is an interrogative.</summary>
    private static string WithoutProclitics(string word)
    {
        for (var i = 0; i <= 2 && i < word.Length - 1; i++)
        {
            if (i > 0 && word[i - 1] is not ('و' or 'ف' or 'ب' or 'ل' or 'ك')) break;
            if (FunctionWords.Contains(word[i..])) return word[i..];
        }
        return word;
    }

    private static AnswerKind KindOf(string word, string previous) => word switch
    {
        "متي" or "امتي" or "ايمتي" => AnswerKind.Time,
        "كم" or "قديش" or "قداش" or "كام" => AnswerKind.Quantity,
        "لماذا" or "ليش" or "ليه" => AnswerKind.Reason,
        "ايه" when previous is "قد" => AnswerKind.Quantity, // Egyptian "قد إيه"
        "عدد" or "قيمه" or "حجم" or "مقدار" or "نسبه" when previous is "ما" => AnswerKind.Quantity, // "ما عدد…", "ما قيمة…"
        _ when previous is "ما" && DateNouns.Contains(word) => AnswerKind.Date, // "ما تاريخ…", "ما موعد…"
        "هو" or "هي" when previous is "من" or "مين" => AnswerKind.Identity,
        _ when previous is "من" or "مين" && (RoleNouns.Contains(word) || (word.StartsWith("ال", StringComparison.Ordinal) && RoleNouns.Contains(word[2..]))) => AnswerKind.Identity, // "من مؤلف…"
        "اسم" or "الاسم" when previous is "ما" or "هو" => AnswerKind.Identity,
        _ when previous is "اي" && YearWords.Contains(word) => AnswerKind.Year, // "في أي عام"
        _ when previous is "اي" && (TimeWords.Contains(word) || word.StartsWith("يوم", StringComparison.Ordinal)) => AnswerKind.Date, // "في أي يوم(ين)", "أي شهر"
        _ => AnswerKind.Any,
    };
}

/// <param name="Terms">The analysed terms the word produces (a stem and its variants); a match on any of them counts.</param>
/// <param name="IsFraming">A framing word ("اسم", "وصف", "قال" …), weighted lightly.</param>
/// <param name="NamesAnswerKind">The noun after "أي" ("في أي مدينة", "أي سنة") or "ما تاريخ/موعد": it names the kind of
/// answer, which is rarely worded with it, so a span that lacks it loses nothing.</param>
public sealed record QuestionWord(IReadOnlyList<string> Terms, bool IsFraming, bool NamesAnswerKind)
{
    /// <summary>
    /// The source of what the question asks for: whose words or view ("قال بوتين", "موقف السعودية"), or what produced the
    /// outcome ("أسفرت عنه القمة"). An answer must come from it.
    /// </summary>
    public bool IsSource { get; init; }

    /// <summary>Names whose statement it is ("بيان تيلرسون", "بيان أستانا"), which may be how a document is titled.</summary>
    public bool NamesStatement { get; init; }
}
