using Assistant.Storage;

namespace Assistant.Conversations;

/// <summary>One exchange of a conversation, kept so that follow-up questions can be resolved.</summary>
/// <param name="Question">What the user typed.</param>
/// <param name="StandaloneQuestion">The question as searched (the follow-up resolved), equal to Question for a self-contained one.</param>
/// <param name="Answer">The answer text given.</param>
/// <param name="CitedPassages">The passages the answer cited: a follow-up ("ومتى أبرمت؟") is most often answered next to them.</param>
public sealed record ConversationTurn(string Question, string StandaloneQuestion, string Answer, IReadOnlyList<ScoredPassage>? CitedPassages = null)
{
    /// <summary>What the turn asked, unwrapped and in standard Arabic (the follow-up before anything was inherited); null when not kept.</summary>
    public string? Asked { get; init; }

    /// <summary>The document the answer quoted first; null when it abstained or when not kept.</summary>
    public string? AnsweredFrom { get; init; }
}

/// <summary>Rewrites a follow-up such as "ومتى عقد؟" into a question that stands on its own, using earlier turns.</summary>
public interface IFollowUpResolver
{
    Task<string> ResolveAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);
}
