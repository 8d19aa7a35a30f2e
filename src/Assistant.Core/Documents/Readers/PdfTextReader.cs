using Assistant.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Assistant.Documents.Readers;

/// <summary>
/// PDF through PdfPig: the glyphs of each page grouped into lines and put back into reading order
/// (<see cref="PdfLine"/>, <see cref="VisualOrder"/>), running headers and page numbers dropped and paragraphs
/// rebuilt (<see cref="PdfPages"/>), then cleaned like every extracted text (<see cref="ExtractedText"/>).
/// The title is the first line (a heading in larger type is a line of its own), at most <see cref="MaxTitleChars"/> long.
/// </summary>
public sealed class PdfTextReader : IDocumentReader
{
    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    /// <summary>The PDF specification lets the signature sit anywhere in the first kilobyte.</summary>
    private const int SignatureWindow = 1024;

    /// <summary>The longest title a PDF gets: a headline's length, cut on a word.</summary>
    public const int MaxTitleChars = 120;

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public bool Recognizes(ReadOnlySpan<byte> head) => head[..Math.Min(head.Length, SignatureWindow)].IndexOf(Signature) >= 0;

    public ExtractedDocument Read(byte[] content)
    {
        if (!Recognizes(content)) throw UnreadableDocumentException.Damaged("no PDF signature");
        var pages = new List<IReadOnlyList<PdfLine>>();
        try
        {
            // Lenient parsing (PdfPig's default) reads the many PDFs with small structural faults; a file cut short still fails.
            using var document = PdfDocument.Open(content);
            foreach (var page in document.GetPages()) pages.Add(PdfLine.Read(page));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw UnreadableDocumentException.Encrypted();
        }
        catch (Exception e) when (e is not UnreadableDocumentException and not OutOfMemoryException)
        {
            // PdfPig reports a broken file with many exception types (format, parse, IO, index errors).
            throw UnreadableDocumentException.Damaged(e.Message);
        }
        var text = ExtractedText.Clean(PdfPages.Join(pages));
        if (text.Length == 0) throw UnreadableDocumentException.NoText("no text layer: a scanned PDF? run OCR on it first");
        // The first line is the heading when it was printed larger (PdfPages); a first paragraph that had no heading
        // before it is cut to a title's length.
        return new ExtractedDocument(text, DisplayText.Shorten(ExtractedText.FirstLine(text), MaxTitleChars));
    }
}
