using Assistant.Analysis;
using Assistant.Answering;

namespace Assistant.Conversations;

/// <summary>
/// Offline follow-up resolution: a short question ("ومتى عقد؟", "ومن حضره؟") with at most
/// <see cref="MaxContentWords"/> content words, or one that opens with «و» or «ف» and has at most
/// <see cref="MaxJoinedContentWords"/> («ومتى أدلى بهذا البيان؟»), is read together with the previous standalone
/// question, so its subject carries over into the search. A longer question stands on its own.
/// </summary>
public sealed class HeuristicFollowUpResolver(ArabicTextAnalyzer analyzer) : IFollowUpResolver
{
    private const int MaxContentWords = 2;

    /// <summary>A question that opens with a conjunction continues the conversation unless it names this much more.</summary>
    private const int MaxJoinedContentWords = 3;

    public Task<string> ResolveAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0) return Task.FromResult(question);
        var intent = QuestionIntent.Of(question, analyzer);
        var joined = question.TrimStart() is ['و' or 'ف', ..];
        if (intent.ContentWords.Count > (joined ? MaxJoinedContentWords : MaxContentWords)) return Task.FromResult(question);
        // Joined without the follow-up's question mark: one question with the earlier subject, not two questions.
        return Task.FromResult($"{question.Trim().TrimEnd('؟', '?', '!', '.', ' ')} {history[^1].StandaloneQuestion}");
    }
}
