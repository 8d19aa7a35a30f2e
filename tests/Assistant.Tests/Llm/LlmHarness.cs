using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.ShortAnswers;
using Assistant.Answering.Llm;
using Assistant.Configuration;
using Assistant.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ChatSettings = Assistant.Configuration.ChatOptions;

namespace Assistant.Tests.Llm;

/// <summary>The LLM answering pieces wired by hand around a test double of the chat model, as DI wires them around a real one.</summary>
internal sealed class LlmHarness
{
    public LlmHarness(IChatClient chat, int timeoutSeconds = 30)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddChatClient(chat);
        builder.Plugins.Add(Prompts.Plugin);
        Runner = new PromptRunner(builder.Build(), Options.Create(new ChatSettings { TimeoutSeconds = timeoutSeconds }));
        Generator = new LlmAnswerGenerator(
            Extractive, Prompts, Runner, new ReplyVerifier(new ClaimSupportLocator(Analyzer, minSupport: 0.5)), GeneratorLog);
    }

    public static ArabicTextAnalyzer Analyzer { get; } = new();

    /// <summary>Loaded from the prompts/ folder the build copies next to the tests.</summary>
    public static PromptLibrary Prompts { get; } = new(PromptLibrary.DefaultDirectory);

    public static ExtractiveAnswerGenerator Extractive { get; } = new(Analyzer, new ShortAnswerWriter(Analyzer), Options.Create(new AnsweringOptions()), NullLogger<ExtractiveAnswerGenerator>.Instance);

    public PromptRunner Runner { get; }

    public LlmAnswerGenerator Generator { get; }

    public RecordingLogger<LlmAnswerGenerator> GeneratorLog { get; } = new();

    /// <summary>A request over the test passages, with term statistics computed from them as the index would.</summary>
    public static AnswerRequest Request(string question, IReadOnlyList<ScoredPassage>? passages = null)
    {
        passages ??= LlmTestPassages.Retrieved;
        var terms = Analyzer.Terms(question).Distinct().ToList();
        var frequency = terms.ToDictionary(t => t, t => passages.Count(p => Analyzer.Terms(p.Passage.Text).Contains(t)));
        return new AnswerRequest(question, terms, passages, new TermStatistics(passages.Count, frequency));
    }
}
