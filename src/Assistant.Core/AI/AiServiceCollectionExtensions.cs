using Assistant.AI;
using Assistant.Analysis;
using Assistant.Answering.Llm;
using Assistant.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Microsoft.Extensions.DependencyInjection;

public static class AiServiceCollectionExtensions
{
    /// <summary>Embedding calls carry whole batches of passages at index time, so they get longer than a chat turn.</summary>
    private static readonly TimeSpan EmbeddingTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Registers the models chosen by <c>Embeddings:Provider</c> and <c>Chat:Provider</c>: a remote
    /// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> unless it is Local, and unless Chat is Extractive an
    /// <see cref="IChatClient"/> with the prompt functions that the LLM answer generator and follow-up resolver use.
    /// </summary>
    /// <exception cref="AiConfigurationException">A provider is unknown or lacks its model, endpoint or key.</exception>
    public static IServiceCollection AddAiProviders(this IServiceCollection services, IConfiguration configuration)
    {
        var embeddings = configuration.GetSection(EmbeddingsOptions.Section).Get<EmbeddingsOptions>() ?? new();
        var embeddingModel = AiConnection.FromSettings(EmbeddingsOptions.Section, AiProviders.Local,
            embeddings.Provider, embeddings.Model, embeddings.Endpoint, embeddings.ApiKey);
        if (embeddingModel is not null)
        {
            services.AddEmbeddingGenerator(_ => AiClientFactory.CreateEmbeddingGenerator(embeddingModel, embeddings.Dimensions, EmbeddingTimeout))
                .UseLogging();
        }

        var chat = configuration.GetSection(ChatSettings.Section).Get<ChatSettings>() ?? new();
        var chatModel = AiConnection.FromSettings(ChatSettings.Section, AiProviders.Extractive,
            chat.Provider, chat.Model, chat.Endpoint, chat.ApiKey);
        if (chatModel is not null)
        {
            services.AddChatClient(_ => AiClientFactory.CreateChatClient(chatModel, TimeSpan.FromSeconds(chat.TimeoutSeconds)))
                .UseLogging();
            services.AddLlmAnswering(configuration);
        }

        return services;
    }

    /// <summary>The prompt functions and the verification of model replies, over whichever IChatClient is registered.</summary>
    public static IServiceCollection AddLlmAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<ChatSettings>().Bind(configuration.GetSection(ChatSettings.Section));
        services.TryAddSingleton(_ => new PromptLibrary(PromptLibrary.DefaultDirectory));
        services.TryAddSingleton<PromptRunner>();
        services.TryAddSingleton(sp => new ClaimSupportLocator(
            sp.GetRequiredService<ArabicTextAnalyzer>(), sp.GetRequiredService<IOptions<ChatSettings>>().Value.MinClaimSupport));
        services.TryAddSingleton<ReplyVerifier>();
        return services;
    }
}
