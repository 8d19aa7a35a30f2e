using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Llm;

/// <summary>Keeps what was logged, so a test can check that a fallback says why it happened.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<string> Messages { get; } = [];

    public string All => string.Join("\n", Messages);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Add(exception is null ? formatter(state, exception) : $"{formatter(state, exception)} {exception.Message}");
}
