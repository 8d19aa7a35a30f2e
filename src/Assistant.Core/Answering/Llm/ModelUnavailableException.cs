namespace Assistant.Answering.Llm;

/// <summary>The model gave no reply: it failed, ran out of the turn's budget, or is not asked while its circuit is open.</summary>
/// <param name="status">One of <see cref="ModelStatuses"/>: Failed, TimedOut or CircuitOpen.</param>
public sealed class ModelUnavailableException(string status, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Status { get; } = status;
}
