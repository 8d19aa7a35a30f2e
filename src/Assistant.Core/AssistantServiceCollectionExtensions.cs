using Assistant.Answering.Normalization;
using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Gate;
using Assistant.Answering.Llm;
using Assistant.Answering.ShortAnswers;
using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Conversations;
using Assistant.Documents;
using Assistant.Documents.Readers;
using Assistant.Embedding;
using Assistant.Indexing;
using Assistant.Retrieval;
using Assistant.Storage;
using Assistant.Storage.Embedded;
using Assistant.Storage.Qdrant;
using Assistant.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;

namespace Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>Registers the whole pipeline (load → chunk → embed → store → retrieve → answer → cite) from configuration.</summary>
    public static IServiceCollection AddAssistantCore(this IServiceCollection services, IConfiguration configuration)
    {
        // Options bind from the configuration in the container (registered here when the caller has not), are checked
        // against their data annotations when a host starts (SettingsValidation: one line naming the key).
        services.TryAddSingleton(configuration);
        services.AddOptions<CorpusOptions>().BindSettings(CorpusOptions.Section);
        services.AddOptions<IndexOptions>().BindSettings(IndexOptions.Section);
        services.AddOptions<ChunkingOptions>().BindSettings(ChunkingOptions.Section);
        services.AddOptions<EmbeddingsOptions>().BindSettings(EmbeddingsOptions.Section);
        services.AddOptions<Configuration.ChatOptions>().BindSettings(Configuration.ChatOptions.Section);
        services.AddOptions<RetrievalOptions>().BindSettings(RetrievalOptions.Section);
        services.AddOptions<AnsweringOptions>().BindSettings(AnsweringOptions.Section);
        services.AddOptions<SpanSelectionOptions>().BindSettings(SpanSelectionOptions.Section);
        services.AddOptions<AbstentionGateOptions>().BindSettings(AbstentionGateOptions.Section);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<ArabicTextAnalyzer>();
        services.AddSingleton<QuestionNormalizer>();
        services.AddDocumentReading();
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
            builder.Services.AddSingleton<IFunctionInvocationFilter, RetrievalTelemetryFilter>();
            builder.AddChatModel(sp);
            return builder.Build();
        });
        services.AddSingleton<PassageTermCache>();
        services.AddSingleton<IShortAnswerWriter, ShortAnswerWriter>();
        services.AddSingleton<AbstentionGate>();
        services.AddSingleton<ExtractiveAnswerGenerator>();
        services.AddSingleton<IAnswerGenerator>(sp => sp.GetRequiredService<ExtractiveAnswerGenerator>());
        // In this process by default; a web host with State:Redis replaces it with DistributedConversationMemory.
        services.AddSingleton<IConversationMemory, ConversationMemory>();
        services.AddSingleton<IFollowUpResolver, HeuristicFollowUpResolver>();
        services.AddSingleton<DialectSpelling>();
        services.AddSingleton<TurnBudget>();
        services.AddSingleton<AnswerService>();
        services.AddAnswerTelemetry();
        services.AddAiProviders(configuration);
        return services;
    }
}
