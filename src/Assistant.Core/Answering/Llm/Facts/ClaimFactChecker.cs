using static Assistant.Answering.Llm.Facts.FactVocabulary;

namespace Assistant.Answering.Llm.Facts;

/// <summary>A fact-bearing part of a claim that its span does not support.</summary>
/// <param name="Reason">One of <see cref="RejectionReasons"/>.</param>
/// <param name="Part">The claim's words that failed, as the model wrote them.</param>
/// <param name="Detail">What the span says instead, for the log (English).</param>
public sealed record FactProblem(string Reason, string Part, string Detail);

/// <summary>
/// Checks one claim against one candidate span, fact by fact: every number, date part (day, month, year, weekday) and
/// name of the claim must be in the span; a word the span negates must be negated in the claim and the reverse; a word
/// of increase or decrease must go the span's way for what it changes; every other content word must be in the span
/// (its analysed form, or a paraphrase of it). Words the claim shares with the question are no evidence: a claim must
/// say something the span supports beyond repeating the question.
/// </summary>
internal static class ClaimFactChecker
{
    /// <param name="claimText">The text the claim's words were read from (to quote the failing part).</param>
    /// <param name="title">The words of the cited document's title: a claim may take words from it («ترامب وبوتين» for
    /// «الرئيسان» in their joint statement), though not its facts, which the span must hold.</param>
    /// <param name="questionTerms">Terms of the question.</param>
    public static List<FactProblem> Check(
        string claimText, IReadOnlyList<FactWord> claim, IReadOnlyList<FactWord> span, IReadOnlyList<FactWord> title, ISet<string> questionTerms)
    {
        var problems = new List<FactProblem>();
        var newFacts = 0;
        foreach (var word in claim)
        {
            var part = claimText[word.Start..word.End];
            if (word.Number is { } number)
            {
                if (span.Any(w => w.Number is { } other && Math.Abs(other - number) < 1e-9)) newFacts++;
                else problems.Add(new(word.InDate ? RejectionReasons.Date : RejectionReasons.Number, part, $"the span has no {number:0.##}"));
            }
            else if (word.Month is { } month)
            {
                if (span.Any(w => w.Month == month)) newFacts++;
                else problems.Add(new(RejectionReasons.Date, part, $"the span names no month {month}"));
            }
            else if (word.Weekday is { } weekday)
            {
                if (span.Any(w => w.Weekday == weekday)) newFacts++;
                else problems.Add(new(RejectionReasons.Date, part, "the span names another day or none"));
            }
        }

        foreach (var word in claim.Where(w => w.IsContent))
        {
            var part = claimText[word.Start..word.End];
            var matches = span.Where(w => Meets(word, w)).ToList();
            var supported = matches.Count > 0 || title.Any(w => Meets(word, w));
            if (!supported)
            {
                var fromQuestion = word.Terms.Any(questionTerms.Contains) ? " (a word of the question)" : "";
                problems.Add(word.Direction != 0 && span.Any(w => w.Direction == -word.Direction)
                    ? new(RejectionReasons.Direction, part, "the span says the opposite change")
                    : new(word.IsName ? RejectionReasons.Name : RejectionReasons.UnsupportedWord, part, "not in the span" + fromQuestion));
                continue;
            }
            if (matches.Count > 0 && !word.Terms.Any(questionTerms.Contains)) newFacts++;
            // What a negation negates is its first word; the words after it may be negated with it («لا حل عسكري» says
            // what «لا يوجد حل عسكري» says) but are not what the span denies («الحل السياسي» is not denied by it).
            if (matches.Count > 0 && word.NegationHead && !matches.Any(w => w.Negated))
            {
                problems.Add(new(RejectionReasons.Negation, part, "negated in the claim, not in the span"));
            }
            else if (matches.Count > 0 && !word.Negated && matches.All(w => w.NegationHead))
            {
                problems.Add(new(RejectionReasons.Negation, part, "the span negates it"));
            }
            if (word.Direction != 0 && word.Changed.Length > 0)
            {
                var sameThing = span.Where(w => w.Direction != 0 && w.Changed.Any(word.Changed.Contains)).ToList();
                if (sameThing.Count > 0 && sameThing.All(w => w.Direction != word.Direction))
                {
                    problems.Add(new(RejectionReasons.Direction, part, "the span says the opposite change"));
                }
            }
        }

        if (problems.Count == 0 && newFacts == 0)
        {
            problems.Add(new(RejectionReasons.RestatesQuestion, claimText.Trim(), "nothing beyond the question's words is supported by the span"));
        }
        return problems;
    }

    /// <summary>The span word says what the claim word says: a shared term or rough root, a paraphrase, or a change the same way.</summary>
    private static bool Meets(FactWord claim, FactWord span) =>
        claim.Keys.Overlaps(span.Keys)
        || claim.Keys.Any(k => Paraphrases.TryGetValue(k, out var group) && span.Keys.Overlaps(group))
        || (claim.Direction != 0 && claim.Direction == span.Direction);
}
