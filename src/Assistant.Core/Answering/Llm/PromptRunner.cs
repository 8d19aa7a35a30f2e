using Assistant.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Assistant.Answering.Llm;

/// <summary>
/// Runs a prompt function on the kernel's chat client: not while the model's circuit is open, and never beyond the
/// turn's budget or <c>Chat:TimeoutSeconds</c> for the call. Transient HTTP failures are retried below this, by the
/// chat client's resilience handler.
/// </summary>
public sealed class PromptRunner(Kernel kernel, TurnBudget budget, ModelCircuitBreaker breaker, IOptions<ChatSettings> options, TimeProvider time)
{
    /// <returns>The model's reply, trimmed.</returns>
    /// <exception cref="ModelUnavailableException">The circuit is open, the budget is spent or runs out, or the call failed.</exception>
    public async Task<string> RunAsync(KernelFunction function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var turn = budget.Token;
        if (turn.IsCancellationRequested) throw TimedOut();
        if (!breaker.TryEnter(out var openUntil))
        {
            throw new ModelUnavailableException(ModelStatuses.CircuitOpen, $"the chat model failed recently and is not asked until {openUntil:HH:mm:ss} UTC");
        }

        var limit = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var callTimeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, turn, callTimeout.Token);
        try
        {
            var result = await function.InvokeAsync(kernel, arguments, linked.Token).ConfigureAwait(false);
            breaker.Succeeded();
            return (result.GetValue<string>() ?? "").Trim();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            breaker.Abandoned();
            throw;
        }
        catch (OperationCanceledException) when (turn.IsCancellationRequested || callTimeout.IsCancellationRequested)
        {
            breaker.Failed();
            throw turn.IsCancellationRequested ? TimedOut() : new ModelUnavailableException(ModelStatuses.TimedOut, $"the chat model did not answer within {limit.TotalSeconds:0} s");
        }
        catch (Exception failure)
        {
            breaker.Failed();
            // Semantic Kernel wraps the client's error; its message names the cause (status code, connection refused).
            var cause = failure is KernelException { InnerException: { } inner } ? inner : failure;
            var detail = ModelErrors.IsUnreachable(failure) ? $"cannot connect to {Endpoint()}: {cause.Message}" : cause.Message;
            throw new ModelUnavailableException(ModelStatuses.Failed, detail, failure);
        }
    }

    /// <summary>Where the chat model is called, as configured (Ollama's default address when none is set).</summary>
    private string Endpoint()
    {
        var chat = options.Value;
        var connection = AiConnection.FromSettings(ChatSettings.Section, AiProviders.Extractive, chat.Provider, chat.Model, chat.Endpoint, chat.ApiKey);
        return connection?.Endpoint?.ToString() ?? "the chat model's endpoint";
    }

    private ModelUnavailableException TimedOut() =>
        new(ModelStatuses.TimedOut, $"the turn's time budget of {budget.Limit.TotalSeconds:0.#} s is spent");
}
