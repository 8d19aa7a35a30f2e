namespace Assistant.Documents;

/// <summary>Why a file in the corpus folder was not indexed.</summary>
public enum SkipReason
{
    /// <summary>No reader for its extension or content (a spreadsheet, an image, a Word 97–2003 file …).</summary>
    UnsupportedType,
    /// <summary>Readable, but without any text: a scanned PDF with no text layer, an empty page.</summary>
    NoText,
    /// <summary>The file is cut short or malformed for its format.</summary>
    Damaged,
    /// <summary>Password-protected.</summary>
    Encrypted,
    /// <summary>A text file that is not valid UTF-8.</summary>
    NotUtf8,
    /// <summary>The file system refused to read it (permissions, a dangling link …).</summary>
    Unreadable,
}

/// <summary>A file that could not be loaded, with the reason as a code and in plain words.</summary>
public sealed record SkippedFile(string Path, SkipReason Kind, string Reason);

/// <summary>Thrown by a reader for a file it recognises but cannot turn into text; the loader reports and skips it.</summary>
public sealed class UnreadableDocumentException(SkipReason kind, string reason) : Exception(reason)
{
    public SkipReason Kind { get; } = kind;

    public static UnreadableDocumentException NoText(string detail) => new(SkipReason.NoText, $"no text ({detail})");

    public static UnreadableDocumentException Damaged(string detail) => new(SkipReason.Damaged, $"damaged ({detail})");

    public static UnreadableDocumentException Encrypted() =>
        new(SkipReason.Encrypted, "encrypted (password-protected; index an unprotected copy)");
}
