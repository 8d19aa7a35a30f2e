using System.Text;
using System.Text.RegularExpressions;
using Assistant.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Answering.Llm;

/// <summary>
/// Rewrites a follow-up into a standalone question with the <c>Condense</c> prompt; when the model fails or replies
/// with nothing usable, the heuristic resolver decides instead.
/// </summary>
public sealed partial class LlmFollowUpResolver(
    IFollowUpResolver heuristic,
    PromptLibrary prompts,
    PromptRunner runner,
    ILogger<LlmFollowUpResolver> logger) : IFollowUpResolver
{
    /// <summary>Earlier answers are cut to this length in the prompt: the condensed question needs their subject, not their detail.</summary>
    private const int MaxAnswerChars = 300;

    public async Task<string> ResolveAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0)
        {
            return question;
        }

        try
        {
            var arguments = new KernelArguments { ["history"] = Format(history), ["question"] = question };
            var reply = await runner.RunAsync(prompts.Condense, arguments, cancellationToken).ConfigureAwait(false);
            if (Standalone(reply) is { } standalone)
            {
                return standalone;
            }

            logger.LogWarning("The chat model gave no standalone question; the heuristic resolver is used.");
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The chat model failed to condense the follow-up ({Error}); the heuristic resolver is used.", failure.Message);
        }

        return await heuristic.ResolveAsync(question, history, cancellationToken).ConfigureAwait(false);
    }

    private static string Format(IReadOnlyList<ConversationTurn> history)
    {
        var text = new StringBuilder();
        foreach (var turn in history)
        {
            var answer = MarkerPattern().Replace(turn.Answer, "").Trim();
            text.Append("س: ").AppendLine(turn.StandaloneQuestion)
                .Append("ج: ").AppendLine(answer.Length <= MaxAnswerChars ? answer : answer[..MaxAnswerChars] + "…");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The first line of the reply without quotation marks, or null when nothing is left.</summary>
    private static string? Standalone(string reply)
    {
        var line = reply.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var question = line?.Trim('«', '»', '"', '“', '”', ' ');
        return string.IsNullOrWhiteSpace(question) ? null : question;
    }

    [GeneratedRegex(@"\s*\[\d+\]")]
    private static partial Regex MarkerPattern();
}
