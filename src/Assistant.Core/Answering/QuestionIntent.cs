using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>What kind of answer a question asks for, read from its interrogative (متى، كم، لماذا …).</summary>
public enum AnswerKind { Any, Time, Quantity, Reason }

/// <summary>
/// The parts of a question that matter for matching evidence: its content words (each with the terms it analyses to)
/// and the kind of answer it asks for. Interrogatives and framing words ("حسب", "وفق") are not content.
/// </summary>
/// <param name="Words">Every word of the question in matching form (interrogatives included).</param>
public sealed record QuestionIntent(AnswerKind Kind, IReadOnlyList<QuestionWord> ContentWords, IReadOnlySet<string> Words)
{
    /// <summary>Words that frame a question rather than name its subject ("ما اسم…", "كيف وصف…", "بحسب…"): they count, but little.</summary>
    private static readonly HashSet<string> FramingWords = new(StringComparer.Ordinal)
    {
        "اسم", "نوع", "صفه", "وصف", "قال", "يقول", "قالت", "ذكر", "يذكر", "ذكرت", "اشار", "تحدث", "يتحدث", "راي", "نظر", "عدد",
        "سبب", "شيء", "امر", "بلغ", "يبلغ", "اهم", "براي", "جهه", "الامر", "بالتحديد", "تحديدا", "تم", "يتم",
        "بده", "بدها", "بدهم", "بدنا", "حكوا", "حكي", "شايف", "بخصوص", "خصوص",
        "بالنسبه", "النسبه", "تريد", "يريد", "يريدون", "اراد", "ارادت", "خبر",
    };

    // Matching forms (normalised, unstemmed), so "متى" appears as "متي" and "أين" as "اين".
    private static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal)
    {
        "متي", "اين", "كم", "ماذا", "لماذا", "كيف", "هل", "من", "ما", "اي", "ايه", "ماهو", "ماهي", "مالذي", "بماذا", "لمن", "عمن", "عم", "بم", "فيم",
        "حسب", "بحسب", "وفق", "وفقا", "طبقا", "هو", "هي", "هم", "الذي", "التي", "الذين",
        // Colloquial forms analysts also type: شو/إيش (what), إمتى (when), وين/فين (where), مين (who), قديش/كام (how much), ليش/ليه (why).
        "شو", "ايش", "اش", "امتي", "ايمتي", "وين", "فين", "مين", "قديش", "قداش", "كام", "ليش", "ليه", "اللي", "كمان", "هيك", "يعني", "هاد", "هادا", "هاي",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "متي", "تاريخ", "يوم", "عام", "سنه", "شهر", "وقت" };

    public static QuestionIntent Of(string question, ArabicTextAnalyzer analyzer)
    {
        var kind = AnswerKind.Any;
        var words = new List<QuestionWord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var previous = "";
        var all = new HashSet<string>(StringComparer.Ordinal);
        analyzer.ForEachWord(question, 0, question.Length, (span, start, end) =>
        {
            var word = span.ToString();
            all.Add(word);
            var bare = WithoutProclitics(word);
            if (kind == AnswerKind.Any) kind = KindOf(bare, previous);
            previous = bare;
            if (Interrogatives.Contains(bare)) return;
            var terms = analyzer.Analyze(question, start, end).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count > 0 && seen.Add(string.Join(' ', terms))) words.Add(new QuestionWord(terms, IsFraming(bare)));
        });
        return new QuestionIntent(kind, words, all);
    }

    private static bool IsFraming(string word) =>
        FramingWords.Contains(word) || (word.Length > 3 && word[0] is 'و' or 'ف' or 'ب' or 'ل' && FramingWords.Contains(word[1..]));

    /// <summary>"وبأي" → "اي", "لماذا" stays: up to two proclitics (و ف ب ل ك) are removed when what is left is an interrogative.</summary>
    private static string WithoutProclitics(string word)
    {
        for (var i = 0; i <= 2 && i < word.Length - 1; i++)
        {
            if (i > 0 && word[i - 1] is not ('و' or 'ف' or 'ب' or 'ل' or 'ك')) break;
            if (Interrogatives.Contains(word[i..])) return word[i..];
        }
        return word;
    }

    private static AnswerKind KindOf(string word, string previous) => word switch
    {
        "متي" or "امتي" or "ايمتي" => AnswerKind.Time,
        "كم" or "قديش" or "قداش" or "كام" => AnswerKind.Quantity,
        "لماذا" or "ليش" or "ليه" => AnswerKind.Reason,
        _ when previous is "اي" && (TimeWords.Contains(word) || word.StartsWith("يوم", StringComparison.Ordinal)) => AnswerKind.Time, // "في أي يوم(ين)", "أي عام"
        _ => AnswerKind.Any,
    };
}

/// <param name="Terms">The analysed terms the word produces (a stem and its variants); a match on any of them counts.</param>
/// <param name="IsFraming">A framing word ("اسم", "وصف", "قال" …), weighted lightly.</param>
public sealed record QuestionWord(IReadOnlyList<string> Terms, bool IsFraming);
