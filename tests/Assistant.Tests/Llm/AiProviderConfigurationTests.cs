using Assistant.AI;
using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Conversations;
using Assistant.Embedding;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant.Tests.Llm;

/// <summary>Provider selection from configuration. Building a client never calls the network, so none of this needs a model.</summary>
public sealed class AiProviderConfigurationTests : IDisposable
{
    private readonly TempFolder _index = new();

    public void Dispose() => _index.Dispose();

    private ServiceProvider Build(params (string Key, string Value)[] settings) =>
        AssistantHost.Build(TestPaths.Seeds, _index.Path, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private AiConfigurationException ConfigurationError(params (string, string)[] settings) =>
        Assert.Throws<AiConfigurationException>(() => Build(settings));

    [Fact]
    public void By_default_answers_are_extractive_and_embeddings_local()
    {
        using var services = Build();

        Assert.Null(services.GetService<IChatClient>());
        Assert.IsType<ExtractiveAnswerGenerator>(services.GetRequiredService<IAnswerGenerator>());
        Assert.IsType<HeuristicFollowUpResolver>(services.GetRequiredService<IFollowUpResolver>());
        Assert.IsType<LocalEmbeddingGenerator>(services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.DoesNotContain(services.GetRequiredService<Kernel>().Plugins, p => p.Name == PromptLibrary.PluginName);
    }

    [Fact]
    public void OpenAI_chat_gives_the_kernel_the_model_and_the_prompts_and_answers_through_the_LLM_generator()
    {
        using var services = Build(("Chat:Provider", "openai"), ("Chat:Model", "gpt-4o-mini"), ("Chat:ApiKey", "sk-test"));

        var metadata = services.GetRequiredService<IChatClient>().GetService<ChatClientMetadata>();
        Assert.Equal(("openai", "gpt-4o-mini"), (metadata?.ProviderName, metadata?.DefaultModelId));
        Assert.IsType<LlmAnswerGenerator>(services.GetRequiredService<IAnswerGenerator>());
        Assert.IsType<LlmFollowUpResolver>(services.GetRequiredService<IFollowUpResolver>());
        var kernel = services.GetRequiredService<Kernel>();
        Assert.NotNull(kernel.GetRequiredService<IChatClient>());
        Assert.Equal(["Answer", "Condense"], kernel.Plugins[PromptLibrary.PluginName].Select(f => f.Name).Order());
        Assert.Contains(kernel.Plugins, p => p.Name == "passages");
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com")]
    [InlineData("https://contoso.openai.azure.com/")]
    [InlineData("https://contoso.openai.azure.com/openai/v1")]
    public void Azure_OpenAI_is_reached_through_its_v1_endpoint_with_the_deployment_as_model(string endpoint)
    {
        using var services = Build(("Chat:Provider", "AzureOpenAI"), ("Chat:Model", "my-gpt4o"), ("Chat:Endpoint", endpoint), ("Chat:ApiKey", "key"));

        var metadata = services.GetRequiredService<IChatClient>().GetService<ChatClientMetadata>();
        Assert.Equal(new Uri("https://contoso.openai.azure.com/openai/v1/"), metadata?.ProviderUri);
        Assert.Equal("my-gpt4o", metadata?.DefaultModelId);
    }

    [Fact]
    public void Ollama_needs_no_key_and_defaults_to_the_local_server()
    {
        using var services = Build(("Chat:Provider", "Ollama"), ("Chat:Model", "qwen2.5:7b"));

        var metadata = services.GetRequiredService<IChatClient>().GetService<ChatClientMetadata>();
        Assert.Equal(new Uri(AiConnection.OllamaDefaultEndpoint), metadata?.ProviderUri);
        Assert.Equal("qwen2.5:7b", metadata?.DefaultModelId);
    }

    [Fact]
    public void OpenAI_embeddings_replace_the_local_embedder_with_their_own_identity()
    {
        using var services = Build(("Embeddings:Provider", "OpenAI"), ("Embeddings:Model", "text-embedding-3-small"), ("Embeddings:ApiKey", "sk-test"), ("Embeddings:Dimensions", "256"));

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal("openai/text-embedding-3-small/256", EmbedderIdentity.Of(generator));
        Assert.Single(services.GetServices<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void Ollama_embeddings_use_the_configured_endpoint()
    {
        using var services = Build(("Embeddings:Provider", "Ollama"), ("Embeddings:Model", "bge-m3"), ("Embeddings:Endpoint", "http://gpu-box:11434"));

        var metadata = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal((new Uri("http://gpu-box:11434"), "bge-m3"), (metadata?.ProviderUri, metadata?.DefaultModelId));
    }

    [Theory]
    [InlineData("Chat:TimeoutSeconds", "0", "Chat:TimeoutSeconds must be a positive number of seconds")]
    [InlineData("Chat:RefusalOverrideEvidence", "1.5", "Chat:RefusalOverrideEvidence must be a share above 0 and at most 1")]
    [InlineData("Chat:TurnBudgetSeconds", "0", "Chat:TurnBudgetSeconds must be a positive number of seconds")]
    [InlineData("Chat:CircuitBreaker:FailuresToOpen", "0", "Chat:CircuitBreaker:FailuresToOpen must be at least 1")]
    public void Chat_limits_out_of_range_are_refused(string key, string value, string message)
    {
        var error = ConfigurationError(("Chat:Provider", "Ollama"), ("Chat:Model", "llama3"), (key, value));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("Chat", "OpenAI", "", "", "sk-test", "Chat:Model is required when Chat:Provider is OpenAI", "Chat__Model")]
    [InlineData("Chat", "OpenAI", "gpt-4o-mini", "", "", "Chat:ApiKey is required when Chat:Provider is OpenAI", "Chat__ApiKey")]
    [InlineData("Chat", "AzureOpenAI", "my-gpt4o", "", "key", "Chat:Endpoint is required when Chat:Provider is AzureOpenAI", "Chat__Endpoint")]
    [InlineData("Chat", "Ollama", "", "", "", "Chat:Model is required when Chat:Provider is Ollama", "Chat__Model")]
    [InlineData("Chat", "Ollama", "llama3", "localhost:11434", "", "Chat:Endpoint 'localhost:11434' is not an absolute http(s) URL", "")]
    [InlineData("Chat", "Gemini", "", "", "", "Chat:Provider 'Gemini' is not supported", "Extractive, Ollama, OpenAI, AzureOpenAI")]
    [InlineData("Embeddings", "AzureOpenAI", "emb", "https://contoso.openai.azure.com", "", "Embeddings:ApiKey is required when Embeddings:Provider is AzureOpenAI", "Embeddings__ApiKey")]
    [InlineData("Embeddings", "Extractive", "", "", "", "Embeddings:Provider 'Extractive' is not supported", "Local, Ollama, OpenAI, AzureOpenAI")]
    public void Incomplete_settings_give_a_message_naming_the_key_to_set(
        string section, string provider, string model, string endpoint, string key, string message, string hint)
    {
        var error = ConfigurationError(
            ($"{section}:Provider", provider), ($"{section}:Model", model), ($"{section}:Endpoint", endpoint), ($"{section}:ApiKey", key));

        Assert.Contains(message, error.Message);
        Assert.Contains(hint, error.Message);
    }
}
