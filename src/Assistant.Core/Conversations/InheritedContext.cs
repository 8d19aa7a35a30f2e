using Assistant.Analysis;
using Assistant.Answering;
using static Assistant.Answering.QuestionVocabulary;

namespace Assistant.Conversations;

/// <summary>
/// What a follow-up inherits from the turn before it: the subject, the event and the document that question was about,
/// which are its words without what it asked. Its interrogative («متى», «أين», «ما») and the noun that named the kind of
/// answer («في أي مدينة», «ما تاريخ») are left behind, so that the follow-up asks what it asks; and since a follow-up's
/// own question already carries what it inherited, a chain of follow-ups carries the subject once instead of every
/// earlier question in full.
/// </summary>
internal static class InheritedContext
{
    /// <summary>The previous standalone question's words that say what it was about, each once, in their order.</summary>
    public static string Of(string previousStandalone, ArabicTextAnalyzer analyzer) => Split(previousStandalone, analyzer).About;

    /// <summary>
    /// What a question asked, as written: its interrogative with the preposition before it and the noun that named the
    /// kind of answer («في أي مدينة», «ما تاريخ», «متى»), without the «و» that joined it; null when it has no interrogative.
    /// </summary>
    public static string? Asking(string question, ArabicTextAnalyzer analyzer) => Split(question, analyzer).Asking;

    private static (string About, string? Asking) Split(string previousStandalone, ArabicTextAnalyzer analyzer)
    {
        var asking = new List<string>();
        var (askingDone, kindOpen) = (false, false);
        var kept = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var previous = "";
        string? lastKept = null;
        analyzer.ForEachWord(previousStandalone, 0, previousStandalone.Length, (word, start, end) =>
        {
            var form = word.ToString();
            var bare = QuestionReader.WithoutProclitics(form);
            var asks = Interrogatives.Contains(bare);
            // «في أي مدينة», «ما تاريخ», «ما عدد», «ما اسم»: a noun of time, place or measure after the interrogative says
            // what kind of answer was asked for, not what about («بأي مذكرة رحّب…» was about a memorandum, and stays).
            // «كم دام…», «كم استغرق…»: a verb of duration asked how long, whatever followed.
            var namesKind = (previous is "اي" or "ما" && KindNouns.Contains(WithoutArticle(bare))) || DurationVerbs.Contains(bare);
            previous = asks ? bare : "";
            // «في أي مدينة», «إلى أين»: the preposition belonged to the interrogative.
            if (asks && lastKept is { } last && Prepositions.Contains(Unjoined(last, last)))
            {
                if (!askingDone) asking.Add(Unjoined(kept[^1], last));
                kept.RemoveAt(kept.Count - 1);
                seen.Remove(last);
            }
            lastKept = null;
            // The first interrogative and its kind noun are what the question asked («وفي أي تاريخ» asks «في أي تاريخ»).
            var opens = asks && !askingDone;
            if (opens || (namesKind && kindOpen)) asking.Add(Unjoined(previousStandalone[start..end], form));
            (askingDone, kindOpen) = (askingDone || asks, opens);
            if (asks || namesKind || !seen.Add(form)) return;
            kept.Add(previousStandalone[start..end]);
            lastKept = form;
        });
        return (string.Join(' ', kept), askingDone ? string.Join(' ', asking) : null);
    }

    /// <summary>A written word without the «و» or «ف» that joined it to what came before («ومتى» → «متى», «وبأي» → «بأي»).</summary>
    private static string Unjoined(string written, string form) =>
        written.Length > 1 && form.Length > 1 && form[0] is 'و' or 'ف' && FunctionWords.Contains(QuestionReader.WithoutProclitics(form[1..])) ? written[1..] : written;

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal) { "في", "علي", "الي", "عن", "من", "مع", "حتي" };

    private static readonly HashSet<string> KindNouns = new(
        TimeWords.Concat(YearWords).Concat(DateNouns).Concat(PlaceKindNouns).Concat(MeasureNouns).Concat(["اسم", "مده", "صفه"]),
        StringComparer.Ordinal);

    private static string WithoutArticle(string word) => word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 3 ? word[2..] : word;
}
