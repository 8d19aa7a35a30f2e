using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Conversations;
using Assistant.Documents;
using Assistant.Embedding;
using Assistant.Indexing;
using Assistant.Retrieval;
using Assistant.Storage;
using Assistant.Storage.Embedded;
using Assistant.Storage.Qdrant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>Registers the whole pipeline (load → chunk → embed → store → retrieve → answer → cite) from configuration.</summary>
    public static IServiceCollection AddAssistantCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.Section));
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section));
        services.AddOptions<ChunkingOptions>().Bind(configuration.GetSection(ChunkingOptions.Section));
        services.AddOptions<EmbeddingsOptions>().Bind(configuration.GetSection(EmbeddingsOptions.Section));
        services.AddOptions<Configuration.ChatOptions>().Bind(configuration.GetSection(Configuration.ChatOptions.Section));
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section));
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.Section));
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<ArabicTextAnalyzer>();
        services.AddSingleton<DocumentLoader>();
        services.AddSingleton<PassageChunker>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, LocalEmbeddingGenerator>();
        var provider = configuration[$"{IndexOptions.Section}:Provider"] ?? IndexProviders.Embedded;
        if (string.Equals(provider, IndexProviders.Qdrant, StringComparison.OrdinalIgnoreCase))
        {
            services.AddQdrantPassageIndex(configuration);
        }
        else if (string.Equals(provider, IndexProviders.Embedded, StringComparison.OrdinalIgnoreCase) || provider.Length == 0)
        {
            services.AddSingleton<IPassageIndex, EmbeddedPassageIndex>();
        }
        else
        {
            throw new IndexUnavailableException($"Index:Provider '{provider}' is not known: use {IndexProviders.Embedded} (the default) or {IndexProviders.Qdrant}, e.g. Index__Provider={IndexProviders.Qdrant}.");
        }
        services.AddSingleton<CorpusIndexer>();
        services.AddSingleton<IndexInitializer>();

        services.AddSingleton<PassageRetriever>();
        services.AddSingleton<PassageSearchPlugin>();
        services.AddSingleton(sp =>
        {
            var builder = Kernel.CreateBuilder();
            builder.Plugins.AddFromObject(sp.GetRequiredService<PassageSearchPlugin>(), PassageSearchPlugin.PluginName);
            builder.AddChatModel(sp);
            return builder.Build();
        });
        services.AddSingleton<ExtractiveAnswerGenerator>();
        services.AddSingleton<IAnswerGenerator>(sp => sp.GetRequiredService<ExtractiveAnswerGenerator>());
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<IFollowUpResolver, HeuristicFollowUpResolver>();
        services.AddSingleton<TurnBudget>();
        services.AddSingleton<IAnswerService, AnswerService>();
        services.AddAiProviders(configuration);
        return services;
    }
}
