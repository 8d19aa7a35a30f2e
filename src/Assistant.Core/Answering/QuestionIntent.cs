using Assistant.Analysis;

namespace Assistant.Answering;

/// <summary>What kind of answer a question asks for, read from its interrogative (متى، كم، لماذا …).</summary>
public enum AnswerKind { Any, Time, Quantity, Reason }

/// <summary>
/// The parts of a question that matter for matching evidence: its content words (each with the terms it analyses to)
/// and the kind of answer it asks for. Interrogatives and framing words ("حسب", "وفق") are not content.
/// </summary>
public sealed record QuestionIntent(AnswerKind Kind, IReadOnlyList<IReadOnlyList<string>> ContentWords)
{
    // Matching forms (normalised, unstemmed), so "متى" appears as "متي" and "أين" as "اين".
    private static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal)
    {
        "متي", "اين", "كم", "ماذا", "لماذا", "كيف", "هل", "من", "ما", "اي", "ايه", "ماهو", "ماهي", "مالذي", "بماذا", "لمن", "عمن", "عم", "بم", "فيم",
        "حسب", "بحسب", "وفق", "وفقا", "طبقا", "هو", "هي", "هم", "الذي", "التي", "الذين",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "متي", "تاريخ", "يوم", "عام", "سنه", "شهر", "وقت" };

    public static QuestionIntent Of(string question, ArabicTextAnalyzer analyzer)
    {
        var kind = AnswerKind.Any;
        var words = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var previous = "";
        analyzer.ForEachWord(question, 0, question.Length, (span, start, end) =>
        {
            var word = span.ToString();
            var bare = word.Length > 2 && word[0] is 'و' or 'ف' && Interrogatives.Contains(word[1..]) ? word[1..] : word;
            if (kind == AnswerKind.Any) kind = KindOf(bare, previous);
            previous = bare;
            if (Interrogatives.Contains(bare)) return;
            var terms = analyzer.Analyze(question, start, end).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count > 0 && seen.Add(string.Join(' ', terms))) words.Add(terms);
        });
        return new QuestionIntent(kind, words);
    }

    private static AnswerKind KindOf(string word, string previous) => word switch
    {
        "متي" => AnswerKind.Time,
        "كم" => AnswerKind.Quantity,
        "لماذا" => AnswerKind.Reason,
        _ when previous is "اي" && TimeWords.Contains(word) => AnswerKind.Time, // "في أي يوم", "أي عام"
        _ => AnswerKind.Any,
    };
}
