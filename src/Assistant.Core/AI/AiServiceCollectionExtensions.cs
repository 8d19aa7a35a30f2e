using System.Text.Json;
using Assistant.AI;
using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Llm;
using Assistant.Configuration;
using Assistant.Conversations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Microsoft.Extensions.DependencyInjection;

public static class AiServiceCollectionExtensions
{
    /// <summary>Embedding calls carry whole batches of passages at index time, so they get longer than a chat turn.</summary>
    private static readonly TimeSpan EmbeddingTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Registers the models chosen by <c>Embeddings:Provider</c> and <c>Chat:Provider</c>. Unless Embeddings is Local,
    /// a remote <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> replaces the local one; unless Chat is Extractive,
    /// an <see cref="IChatClient"/> is registered and the LLM answer generator and follow-up resolver replace the
    /// extractive and heuristic ones (which they fall back to). Call it after the core registrations it replaces.
    /// </summary>
    /// <exception cref="AiConfigurationException">A provider is unknown or lacks its model, endpoint or key.</exception>
    public static IServiceCollection AddAiProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettingsSection(RetrySection);
        var embeddings = configuration.GetSection(EmbeddingsOptions.Section).Get<EmbeddingsOptions>() ?? new();
        var embeddingModel = AiConnection.FromSettings(EmbeddingsOptions.Section, AiProviders.Local,
            embeddings.Provider, embeddings.Model, embeddings.Endpoint, embeddings.ApiKey);
        if (embeddingModel is not null)
        {
            services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
            services.AddEmbeddingGenerator(_ => AiClientFactory.CreateEmbeddingGenerator(embeddingModel, embeddings.Dimensions, EmbeddingTimeout));
        }

        var chat = configuration.GetSection(ChatSettings.Section).Get<ChatSettings>() ?? new();
        var chatModel = AiConnection.FromSettings(ChatSettings.Section, AiProviders.Extractive,
            chat.Provider, chat.Model, chat.Endpoint, chat.ApiKey);
        if (chatModel is not null)
        {
            RequireLimits(chat);
            // Its own retries replace the host's default handler (ServiceDefaults): stacked, every failure was tried
            // three times three, and a model that is not running cost the whole turn budget. (The removal API is marked
            // experimental, hence the pragma.)
#pragma warning disable EXTEXP0001
            services.AddHttpClient(ChatHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(chat.TimeoutSeconds))
                .RemoveAllResilienceHandlers()
                .AddResilienceHandler("chat-model", pipeline => pipeline.AddRetry(RetryOptions(configuration.GetSection(RetrySection))));
#pragma warning restore EXTEXP0001
            services.AddChatClient(sp => AiClientFactory.CreateChatClient(chatModel, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatHttpClientName)));
            services.AddLlmAnswering();
        }

        return services;
    }

    public const string ChatHttpClientName = "chat-model";

    /// <summary>Retry settings of chat calls (<see cref="HttpRetryStrategyOptions"/>: MaxRetryAttempts, Delay, BackoffType, UseJitter…).</summary>
    public const string RetrySection = "Chat:Retry";

    /// <summary>
    /// Two retries of a transient failure (HTTP 408, 429, 5xx, a connection error), exponential backoff from 1 s with
    /// jitter, honouring Retry-After; anything else fails at once, a refused connection too (nothing listens at the
    /// endpoint: a second later nothing will either). The turn's budget bounds them all.
    /// </summary>
    private static HttpRetryStrategyOptions RetryOptions(IConfigurationSection section)
    {
        var options = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Exponential, UseJitter = true,
            ShouldHandle = arguments => ValueTask.FromResult(
                !ModelErrors.IsConnectionRefused(arguments.Outcome.Exception) && HttpClientResiliencePredicates.IsTransient(arguments.Outcome)),
        };
        section.Bind(options);
        return options;
    }

    private static void RequireLimits(ChatSettings chat)
    {
        if (chat.TimeoutSeconds <= 0)
        {
            throw new AiConfigurationException($"Chat:TimeoutSeconds must be a positive number of seconds, not {chat.TimeoutSeconds}.");
        }

        if (chat.TurnBudgetSeconds <= 0)
        {
            throw new AiConfigurationException($"Chat:TurnBudgetSeconds must be a positive number of seconds, not {chat.TurnBudgetSeconds}.");
        }

        if (chat.RefusalOverrideEvidence is <= 0 or > 1)
        {
            throw new AiConfigurationException($"Chat:RefusalOverrideEvidence must be a share above 0 and at most 1, not {chat.RefusalOverrideEvidence}.");
        }

        if (chat.CircuitBreaker.FailuresToOpen < 1 || chat.CircuitBreaker.BreakSeconds < 0)
        {
            throw new AiConfigurationException(
                $"Chat:CircuitBreaker:FailuresToOpen must be at least 1 and Chat:CircuitBreaker:BreakSeconds not negative, not {chat.CircuitBreaker.FailuresToOpen} and {chat.CircuitBreaker.BreakSeconds}.");
        }
    }

    /// <summary>
    /// The LLM answer generator and follow-up resolver over whichever <see cref="IChatClient"/> is registered, in place
    /// of the extractive generator and heuristic resolver, which they keep as their fallbacks.
    /// </summary>
    public static IServiceCollection AddLlmAnswering(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new PromptLibrary(PromptLibrary.DefaultDirectory));
        services.TryAddSingleton<TurnBudget>();
        services.TryAddSingleton<ModelCircuitBreaker>();
        services.TryAddSingleton<PromptRunner>();
        services.TryAddSingleton<ClaimVerifier>();
        services.TryAddSingleton<ReplyVerifier>();
        services.TryAddSingleton<DocumentTitles>();
        services.Replace(ServiceDescriptor.Singleton<IAnswerGenerator>(sp => ActivatorUtilities.CreateInstance<LlmAnswerGenerator>(sp,
            sp.GetRequiredService<ExtractiveAnswerGenerator>(), StrictExtractive(sp))));
        services.Replace(ServiceDescriptor.Singleton<IFollowUpResolver>(sp =>
            ActivatorUtilities.CreateInstance<LlmFollowUpResolver>(sp, ActivatorUtilities.CreateInstance<HeuristicFollowUpResolver>(sp))));
        return services;
    }

    /// <summary>The extractive answerer with <c>Chat:RefusalOverrideEvidence</c> as its evidence threshold: what may stand against the model's refusal.</summary>
    private static ExtractiveAnswerGenerator StrictExtractive(IServiceProvider services)
    {
        var answering = services.GetRequiredService<IOptions<AnsweringOptions>>().Value;
        // A copy of every answering setting (a round trip keeps any added later), with the stricter threshold.
        var strict = JsonSerializer.Deserialize<AnsweringOptions>(JsonSerializer.Serialize(answering))!;
        strict.MinEvidence = Math.Max(answering.MinEvidence, services.GetRequiredService<IOptions<ChatSettings>>().Value.RefusalOverrideEvidence);
        return ActivatorUtilities.CreateInstance<ExtractiveAnswerGenerator>(services, Options.Options.Create(strict));
    }

    /// <summary>
    /// Gives the application's kernel the chat model and the prompt functions (plugin "prompts": Answer, Condense)
    /// when a chat provider is configured; leaves it as it is in extractive mode.
    /// </summary>
    public static IKernelBuilder AddChatModel(this IKernelBuilder builder, IServiceProvider services)
    {
        if (services.GetService<IChatClient>() is { } chatClient)
        {
            builder.Services.AddChatClient(chatClient);
            builder.Plugins.Add(services.GetRequiredService<PromptLibrary>().Plugin);
        }

        return builder;
    }
}
