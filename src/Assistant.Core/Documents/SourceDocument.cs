namespace Assistant.Documents;

/// <summary>A corpus document exactly as read from disk: UTF-8 decoded, BOM removed, nothing else changed.</summary>
/// <param name="DocumentId">Path relative to the corpus folder with '/' separators.</param>
/// <param name="Title">First non-empty line, trimmed.</param>
/// <param name="Text">The exact text every offset refers to.</param>
/// <param name="ContentHash">SHA-256 of the text, lower-case hex.</param>
public sealed record SourceDocument(string DocumentId, string Title, string Text, string ContentHash);
