using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Answering.ShortAnswers;
using Assistant.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Support;

/// <summary>The answerers as the hosts build them, on default options, for tests that put hand-written passages to them.</summary>
internal static class Generators
{
    public static ExtractiveAnswerGenerator Extractive(ArabicTextAnalyzer analyzer) =>
        new(analyzer, new ShortAnswerWriter(analyzer, new PassageTermCache(analyzer)), Options.Create(new AnsweringOptions()),
            Options.Create(new SpanSelectionOptions()), NullLogger<ExtractiveAnswerGenerator>.Instance);
}
