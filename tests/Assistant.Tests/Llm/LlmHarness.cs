using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.ShortAnswers;
using Assistant.Answering.Llm;
using Assistant.Configuration;
using Assistant.Storage;
using Assistant.Tests.Evaluation;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Assistant.Tests.Llm;

/// <summary>The LLM answering pieces wired by hand around a test double of the chat model, as DI wires them around a real one, on a fake clock.</summary>
internal sealed class LlmHarness
{
    public LlmHarness(IChatClient chat, ChatSettings? settings = null)
    {
        Settings = settings ?? new ChatSettings();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddChatClient(chat);
        builder.Plugins.Add(Prompts.Plugin);
        var options = Options.Create(Settings);
        Budget = new TurnBudget(options, Clock);
        Breaker = new ModelCircuitBreaker(options, Clock);
        Runner = new PromptRunner(builder.Build(), Budget, Breaker, options, Clock);
        var titles = new DocumentTitles(new DocumentOnlyIndex(new Dictionary<string, string>
        {
            [LlmTestPassages.AstanaId] = LlmTestPassages.AstanaText,
            [LlmTestPassages.ResolutionId] = LlmTestPassages.ResolutionText,
        }));
        Generator = new LlmAnswerGenerator(Extractive, StrictExtractive(Settings.RefusalOverrideEvidence), Prompts, Runner, Verifier, titles, GeneratorLog);
    }

    public static ArabicTextAnalyzer Analyzer { get; } = new();

    /// <summary>Loaded from the prompts/ folder the build copies next to the tests.</summary>
    public static PromptLibrary Prompts { get; } = new(PromptLibrary.DefaultDirectory);

    public static ExtractiveAnswerGenerator Extractive { get; } = new(Analyzer, new ShortAnswerWriter(Analyzer, new PassageTermCache(Analyzer)), Options.Create(new AnsweringOptions()), Options.Create(new SpanSelectionOptions()), Generators.DefaultGate(), NullLogger<ExtractiveAnswerGenerator>.Instance);

    public static ExtractiveAnswerGenerator StrictExtractive(double minEvidence) =>
        new(Analyzer, new ShortAnswerWriter(Analyzer, new PassageTermCache(Analyzer)), Options.Create(new AnsweringOptions { MinEvidence = minEvidence }), Options.Create(new SpanSelectionOptions()), Generators.DefaultGate(), NullLogger<ExtractiveAnswerGenerator>.Instance);

    public static ReplyVerifier Verifier { get; } = new(new ClaimVerifier(Analyzer));

    public ChatSettings Settings { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public TurnBudget Budget { get; }

    public ModelCircuitBreaker Breaker { get; }

    public PromptRunner Runner { get; }

    public LlmAnswerGenerator Generator { get; }

    public RecordingLogger<LlmAnswerGenerator> GeneratorLog { get; } = new();

    /// <summary>Generates within a turn's budget, as the answering service does, cancelled with the test.</summary>
    public Task<GeneratedAnswer> AnswerAsync(string question) => AnswerWithinAsync(question, TestContext.Current.CancellationToken);

    public async Task<GeneratedAnswer> AnswerWithinAsync(string question, CancellationToken cancellationToken)
    {
        using var turn = Budget.Start();
        return await Generator.GenerateAsync(Request(question), cancellationToken);
    }

    /// <summary>A request over the test passages, with term statistics computed from them as the index would.</summary>
    public static AnswerRequest Request(string question, IReadOnlyList<ScoredPassage>? passages = null)
    {
        passages ??= LlmTestPassages.Retrieved;
        var terms = Analyzer.Terms(question).Distinct().ToList();
        var frequency = terms.ToDictionary(t => t, t => passages.Count(p => Analyzer.Terms(p.Passage.Text).Contains(t)));
        return new AnswerRequest(question, terms, passages, new TermStatistics(passages.Count, frequency));
    }
}
