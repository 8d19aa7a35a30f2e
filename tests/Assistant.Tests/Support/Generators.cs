using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.Gate;
using Assistant.Answering.ShortAnswers;
using Assistant.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Support;

/// <summary>The answerers as the hosts build them, on default options, for tests that put hand-written passages to them.</summary>
internal static class Generators
{
    /// <param name="gate">The abstention gate; null for the one the hosts build (the shipped model, default options).</param>
    public static ExtractiveAnswerGenerator Extractive(ArabicTextAnalyzer analyzer, AbstentionGate? gate = null) =>
        new(analyzer, new ShortAnswerWriter(analyzer, new PassageTermCache(analyzer)), Options.Create(new AnsweringOptions()),
            Options.Create(new SpanSelectionOptions()), gate ?? DefaultGate(), NullLogger<ExtractiveAnswerGenerator>.Instance);

    /// <summary>The abstention gate the hosts build: the shipped model on default options.</summary>
    public static AbstentionGate DefaultGate() => new(Options.Create(new AbstentionGateOptions()));
}
