using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Assistant.Answering.Llm;

/// <summary>Runs a prompt function on the kernel's chat client within <c>Chat:TimeoutSeconds</c>.</summary>
public sealed class PromptRunner(Kernel kernel, IOptions<ChatSettings> options)
{
    /// <returns>The model's reply, trimmed.</returns>
    /// <exception cref="TimeoutException">The model did not answer in time.</exception>
    public async Task<string> RunAsync(KernelFunction function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            var result = await function.InvokeAsync(kernel, arguments, timeout.Token).ConfigureAwait(false);
            return (result.GetValue<string>() ?? "").Trim();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The chat model did not answer within {limit.TotalSeconds:0} s.");
        }
    }
}
