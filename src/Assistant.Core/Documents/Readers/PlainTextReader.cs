using System.Text;

namespace Assistant.Documents.Readers;

/// <summary>.txt: strict UTF-8, BOM removed, text otherwise untouched.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    /// <summary>Plain text has no signature; it is chosen by extension only.</summary>
    public bool Recognizes(ReadOnlySpan<byte> head) => false;

    public ExtractedDocument Read(byte[] content)
    {
        var text = DecodeUtf8(content);
        if (string.IsNullOrWhiteSpace(text)) throw new UnreadableDocumentException(SkipReason.NoText, "empty");
        return new ExtractedDocument(text, DocumentLoader.TitleOf(text));
    }

    /// <summary>The file as strict UTF-8 without its byte-order mark; anything else is refused as not UTF-8.</summary>
    public static string DecodeUtf8(byte[] content)
    {
        var body = content.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble)) body = body[Encoding.UTF8.Preamble.Length..];
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDocumentException(SkipReason.NotUtf8, "not valid UTF-8");
        }
    }
}
