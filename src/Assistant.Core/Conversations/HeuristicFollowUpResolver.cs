using Assistant.Analysis;
using Assistant.Answering;

namespace Assistant.Conversations;

/// <summary>
/// Offline follow-up resolution: a short question ("ومتى عقد؟", "ومن حضره؟") with at most two content words is
/// read together with the previous standalone question, so its subject carries over into the search.
/// </summary>
public sealed class HeuristicFollowUpResolver(ArabicTextAnalyzer analyzer) : IFollowUpResolver
{
    private const int MaxContentWords = 2;

    public Task<string> ResolveAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0) return Task.FromResult(question);
        var intent = QuestionIntent.Of(question, analyzer);
        if (intent.ContentWords.Count > MaxContentWords) return Task.FromResult(question);
        return Task.FromResult($"{question.Trim()} {history[^1].StandaloneQuestion}");
    }
}
