using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Storage;

namespace Assistant.Conversations;

/// <summary>
/// Offline follow-up resolution: a question that names little the documents speak of is read together with the
/// previous standalone question, so its subject carries over into the search. What it names is counted in words of
/// its own subject that the documents use: a word no passage has («يقدروا», an Arabizi spelling) cannot carry a
/// subject, and a framing word («قال») names none. A short question («ومتى عقد؟», «ومن حضره؟») names at most
/// <see cref="MaxSubjectWords"/>; one that opens with «و» or «ف» continues the conversation unless it names more than
/// <see cref="MaxJoinedSubjectWords"/> («ومتى أدلى بهذا البيان؟»). A question that names more stands on its own.
/// </summary>
public sealed class HeuristicFollowUpResolver(ArabicTextAnalyzer analyzer, IPassageIndex index) : IFollowUpResolver
{
    private const int MaxSubjectWords = 2;

    /// <summary>A question that opens with a conjunction continues the conversation unless it names this much more.</summary>
    private const int MaxJoinedSubjectWords = 3;

    public async Task<string> ResolveAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0) return question;
        var intent = QuestionIntent.Of(question, analyzer);
        var statistics = await index.GetTermStatisticsAsync(intent.ContentWords.SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var named = intent.ContentWords.Count(w => !w.IsFraming && w.Terms.Any(t => statistics.DocumentFrequency.GetValueOrDefault(t) > 0));
        var joined = question.TrimStart() is ['و' or 'ف', ..];
        if (named > (joined ? MaxJoinedSubjectWords : MaxSubjectWords)) return question;
        // Joined without the follow-up's question mark: one question with the earlier subject, not two questions.
        return $"{question.Trim().TrimEnd('؟', '?', '!', '.', ' ')} {history[^1].StandaloneQuestion}";
    }
}
