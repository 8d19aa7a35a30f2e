using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Answering.Llm;

/// <summary>
/// Answers with the chat model through the <c>Answer</c> prompt, keeping the answer only when every fact of every
/// statement is in the passage sentence it cites (<see cref="ReplyVerifier"/>). A refusal (the prompt's
/// <see cref="PromptLibrary.NoAnswerToken"/>) is an abstention, unless the extractive answer is strong enough by the
/// stricter <c>Chat:RefusalOverrideEvidence</c>. A rejected reply, a failure, the turn's budget running out or an open
/// circuit gives the extractive answer. <see cref="GeneratedAnswer.Model"/> says which of these happened and why.
/// </summary>
/// <param name="extractive">Both the evidence gate and the fallback.</param>
/// <param name="strictExtractive">The extractive answerer at <c>Chat:RefusalOverrideEvidence</c>: what may stand against a refusal.</param>
public sealed class LlmAnswerGenerator(
    IAnswerGenerator extractive,
    IAnswerGenerator strictExtractive,
    PromptLibrary prompts,
    PromptRunner runner,
    ReplyVerifier verifier,
    DocumentTitles titles,
    ILogger<LlmAnswerGenerator> logger) : IAnswerGenerator
{
    public async Task<GeneratedAnswer> GenerateAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        // When the passages hold too little to quote, the model is not asked: it would only be tempted to fill the gap.
        var fallback = await extractive.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        if (fallback.Abstained)
        {
            return fallback with { Model = ModelOutcome.Of(ModelStatuses.NotAsked, "the passages hold too little to quote") };
        }

        try
        {
            var sources = PromptSource.From(request.Passages, await titles.ForAsync(request.Passages.Select(p => p.Passage), cancellationToken).ConfigureAwait(false));
            var arguments = new KernelArguments
            {
                ["question"] = request.Question,
                ["passages"] = PromptSource.Format(sources),
                ["no_answer"] = PromptLibrary.NoAnswerToken,
            };
            var reply = await runner.RunAsync(prompts.Answer, arguments, cancellationToken).ConfigureAwait(false);
            if (PromptLibrary.IsRefusal(reply))
            {
                return await RefusedAsync(request, cancellationToken).ConfigureAwait(false);
            }

            return verifier.Verify(reply, sources, request.Question) with { Model = ModelOutcome.Of(ModelStatuses.Accepted) };
        }
        catch (ReplyRejectedException rejected)
        {
            foreach (var rejection in rejected.Rejections)
            {
                logger.LogWarning("The chat model's answer was rejected: {Reason} «{Part}» in «{Claim}» (passage [{Marker}]): {Detail}.",
                    rejection.Reason, rejection.Part, rejection.Claim, rejection.Marker, rejection.Detail);
            }
            logger.LogWarning("The extractive answer is given instead of the rejected model answer.");
            return fallback with { Model = new ModelOutcome(ModelStatuses.Rejected, rejected.Rejections) };
        }
        catch (ModelUnavailableException unavailable)
        {
            // One line for the user's log, no stack trace: the cause is nearly always the model service, not this code.
            logger.LogWarning("The chat model gave no answer ({Status}: {Error}); the extractive answer is given instead.", unavailable.Status, unavailable.Message);
            return fallback with { Model = ModelOutcome.Of(unavailable.Status, unavailable.Message) };
        }
    }

    /// <summary>The model's judgement stands unless the extractive answer passes the stricter threshold.</summary>
    private async Task<GeneratedAnswer> RefusedAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        var strict = await strictExtractive.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!strict.Abstained)
        {
            logger.LogInformation("The chat model found no answer; the extractive answer passes the stricter evidence threshold and is given.");
            return strict with { Model = ModelOutcome.Of(ModelStatuses.Refused, "the extractive answer passes the stricter evidence threshold") };
        }

        logger.LogInformation("The chat model found no answer in the passages; abstaining.");
        // The model's judgement decided this abstention: the language-model path answered, with no text of its own.
        return ExtractiveAnswerGenerator.Abstain(AbstainReasons.ModelRefused) with { Model = ModelOutcome.Of(ModelStatuses.Refused), Generator = AnswerGenerators.Llm };
    }
}
