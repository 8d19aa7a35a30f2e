using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Answering.Llm;

/// <summary>
/// Answers with the chat model through the <c>Answer</c> prompt, keeping the answer only when every statement is
/// tied to an exact passage sentence (<see cref="ReplyVerifier"/>). Whenever that fails — or the model errs or
/// times out — the extractive answer is given instead, so an uncited claim never reaches the user.
/// </summary>
/// <param name="extractive">Both the evidence gate and the fallback.</param>
public sealed class LlmAnswerGenerator(
    IAnswerGenerator extractive,
    PromptLibrary prompts,
    PromptRunner runner,
    ReplyVerifier verifier,
    ILogger<LlmAnswerGenerator> logger) : IAnswerGenerator
{
    public async Task<GeneratedAnswer> GenerateAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        // When the passages hold too little to quote, the model is not asked: it would only be tempted to fill the gap.
        var fallback = await extractive.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        if (fallback.Abstained)
        {
            return fallback;
        }

        try
        {
            var reply = await runner.RunAsync(prompts.Answer, Arguments(request), cancellationToken).ConfigureAwait(false);
            return verifier.Verify(reply, request.Passages);
        }
        catch (ReplyRejectedException rejected)
        {
            logger.LogWarning("The chat model's answer was rejected ({Reason}); the extractive answer is given instead.", rejected.Message);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One line for the user's log, no stack trace: the cause is nearly always the model service, not this code.
            logger.LogWarning("The chat model failed ({Error}); the extractive answer is given instead.", failure.Message);
        }

        return fallback;
    }

    private static KernelArguments Arguments(AnswerRequest request)
    {
        var passages = new StringBuilder();
        for (var i = 0; i < request.Passages.Count; i++)
        {
            var passage = request.Passages[i].Passage;
            passages.Append('[').Append(i + 1).Append("] ").AppendLine(passage.Title).AppendLine(passage.Text).AppendLine();
        }

        return new KernelArguments
        {
            ["question"] = request.Question,
            ["passages"] = passages.ToString().TrimEnd(),
            ["no_answer"] = PromptLibrary.NoAnswerToken,
        };
    }
}
