using Assistant.Answering;

namespace Assistant.Evaluation;

/// <summary>How a short answer fares against its gold question.</summary>
/// <param name="Correct">It opens the answer text, has at most <see cref="MaxWords"/> words, every word comes from a cited quote
/// («نعم»، «لا» and «و» aside) and it contains every gold answer term (normalised matching).</param>
/// <param name="Problems">What is wrong with it, in Arabic like the report that shows it; empty when correct.</param>
public sealed record ShortAnswerGrade(bool Correct, IReadOnlyList<string> Problems)
{
    public const int MaxWords = 20;

    /// <summary>Words a short answer may add to what it quotes: yes, no, and.</summary>
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal) { "نعم", "لا", "و" };

    /// <summary>The grade of an answerable question's answer; null for a question the corpus does not answer.</summary>
    public static ShortAnswerGrade? Of(GoldQuestion gold, Answer answer, Func<string, string> normalize)
    {
        if (!gold.Answerable) return null;
        if (answer.Abstained || answer.ShortAnswer is not { Length: > 0 } shortAnswer) return new(false, ["لا إجابة مختصرة"]);
        var problems = new List<string>();
        var words = normalize(shortAnswer).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!answer.Text.StartsWith(shortAnswer, StringComparison.Ordinal)) problems.Add("لا يبدأ نص الإجابة بالإجابة المختصرة");
        if (words.Length > MaxWords) problems.Add($"في الإجابة المختصرة {words.Length} كلمة، والحد {MaxWords}");
        var quoted = answer.Citations.SelectMany(c => normalize(c.Quote).Split(' ')).ToHashSet(StringComparer.Ordinal);
        var unquoted = words.Where(w => !quoted.Contains(w) && !Connectives.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (unquoted.Count > 0) problems.Add("كلمات من الإجابة المختصرة ليست في اقتباس مستشهد به: " + string.Join("، ", unquoted));
        var normalized = normalize(shortAnswer);
        var missing = gold.AnswerTerms.Where(t => !normalized.Contains(normalize(t), StringComparison.Ordinal)).ToList();
        if (missing.Count > 0) problems.Add("لا تذكر الإجابة المختصرة: " + string.Join("، ", missing));
        return new(problems.Count == 0, problems);
    }
}
