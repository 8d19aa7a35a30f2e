namespace Assistant.AI;

/// <summary>Values accepted by <c>Chat:Provider</c> and <c>Embeddings:Provider</c> (case-insensitive).</summary>
public static class AiProviders
{
    /// <summary>Chat only: no language model, answers quote the passages.</summary>
    public const string Extractive = "Extractive";

    /// <summary>Embeddings only: the built-in offline embedder.</summary>
    public const string Local = "Local";

    public const string Ollama = "Ollama";
    public const string OpenAI = "OpenAI";
    public const string AzureOpenAI = "AzureOpenAI";
}

/// <summary>The Chat or Embeddings configuration cannot be used; the message says which key to set and how.</summary>
public sealed class AiConfigurationException(string message) : Exception(message);
