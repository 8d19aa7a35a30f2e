namespace Assistant.Documents.Readers;

/// <summary>The text of a document and its title, as one reader extracted them; every offset refers to this text.</summary>
public sealed record ExtractedDocument(string Text, string Title);

/// <summary>
/// Turns the bytes of one file format into plain text. The loader picks the reader by content first (a PDF is a PDF
/// whatever its name) and by extension second; a reader throws <see cref="UnreadableDocumentException"/> for a file it
/// cannot read.
/// </summary>
public interface IDocumentReader
{
    /// <summary>Extensions this reader is chosen for, lower case with the dot (".pdf").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Whether the file's first bytes (up to <see cref="DocumentLoader.HeadLength"/>) identify the format
    /// (magic bytes, markup), regardless of the name.</summary>
    bool Recognizes(ReadOnlySpan<byte> head);

    ExtractedDocument Read(byte[] content);
}
