using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Documents.Readers;

public static class DocumentReaders
{
    /// <summary>
    /// Every reader, in the order the loader asks them whether they recognise a file's content: the formats with a
    /// signature first, plain text and Markdown (chosen by extension only) last.
    /// </summary>
    public static IReadOnlyList<IDocumentReader> Standard() =>
        [new PdfTextReader(), new WordDocumentReader(), new HtmlDocumentReader(), new PlainTextReader(), new MarkdownDocumentReader()];

    /// <summary>The readers (stateless, so one of each) and the loader that picks among them.</summary>
    public static IServiceCollection AddDocumentReading(this IServiceCollection services)
    {
        foreach (var reader in Standard()) services.AddSingleton(reader);
        return services.AddSingleton<DocumentLoader>();
    }
}
