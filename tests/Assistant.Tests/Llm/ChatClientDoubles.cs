using Microsoft.Extensions.AI;

namespace Assistant.Tests.Llm;

/// <summary>
/// An in-process chat model: replies with whatever <c>reply</c> makes of the messages it is sent, and records them.
/// Answers <see cref="ChatClientMetadata"/> as Semantic Kernel requires of every chat client.
/// </summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> reply) : IChatClient
{
    public ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, string> reply)
        : this((messages, _) => Task.FromResult(reply(messages)))
    {
    }

    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public List<Microsoft.Extensions.AI.ChatOptions?> Options { get; } = [];

    /// <summary>The text of the last user message of the last request.</summary>
    public string LastUserText => Requests[^1].Last(m => m.Role == ChatRole.User).Text;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        Options.Add(options);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await reply(list, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The prompt functions do not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted-model")
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
