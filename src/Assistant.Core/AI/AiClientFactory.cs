using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Assistant.AI;

/// <summary>
/// Builds Microsoft.Extensions.AI clients for a validated <see cref="AiConnection"/>. Nothing here touches the
/// network: a wrong key or an unreachable endpoint shows on the first call (which the callers survive).
/// </summary>
public static class AiClientFactory
{
    /// <param name="http">
    /// The client chat calls go through, with its resilience handler (retries with backoff and jitter on transient
    /// failures); the OpenAI library's own retries are turned off so that those are the only ones.
    /// </param>
    public static IChatClient CreateChatClient(AiConnection connection, HttpClient http) => connection.Provider switch
    {
        AiProviders.Ollama => new OllamaApiClient(WithBase(http, connection.Endpoint!), connection.Model),
        _ => CreateOpenAIClient(connection, http.Timeout, http).GetChatClient(connection.Model).AsIChatClient(),
    };

    /// <param name="dimensions">Vector size asked of OpenAI models that can shorten their embeddings; 0 keeps the model's own size. Ollama models always use their own size.</param>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(AiConnection connection, int dimensions, TimeSpan timeout) => connection.Provider switch
    {
        AiProviders.Ollama => CreateOllamaClient(connection, timeout),
        _ => CreateOpenAIClient(connection, timeout).GetEmbeddingClient(connection.Model).AsIEmbeddingGenerator(dimensions > 0 ? dimensions : null),
    };

    private static OllamaApiClient CreateOllamaClient(AiConnection connection, TimeSpan timeout) =>
        new(new HttpClient { BaseAddress = connection.Endpoint, Timeout = timeout }, connection.Model);

    private static HttpClient WithBase(HttpClient http, Uri endpoint)
    {
        http.BaseAddress = endpoint;
        return http;
    }

    private static OpenAIClient CreateOpenAIClient(AiConnection connection, TimeSpan timeout, HttpClient? http = null)
    {
        var options = new OpenAIClientOptions { NetworkTimeout = timeout };
        if (http is not null)
        {
            options.Transport = new HttpClientPipelineTransport(http);
            options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        }
        if (connection.Endpoint is not null)
        {
            options.Endpoint = connection.Provider == AiProviders.AzureOpenAI ? AzureV1Endpoint(connection.Endpoint) : connection.Endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(connection.ApiKey), options);
    }

    /// <summary>
    /// Azure OpenAI serves the OpenAI wire protocol under <c>/openai/v1/</c> of the resource, with the deployment
    /// name as the model; so the OpenAI client works as it is (Azure.AI.OpenAI 2.1.0 is built against an older OpenAI
    /// library than the one used here).
    /// </summary>
    internal static Uri AzureV1Endpoint(Uri resource) =>
        resource.AbsolutePath.TrimEnd('/').EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase)
            ? new Uri(resource.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : new Uri(resource, "/openai/v1/");
}
