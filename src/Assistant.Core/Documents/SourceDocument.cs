namespace Assistant.Documents;

/// <summary>A corpus document as its reader extracted it (docs/documents.md): a text file as it is on disk, UTF-8
/// decoded and BOM removed; a PDF, Word file or web page as plain text in reading order.</summary>
/// <param name="DocumentId">Path relative to the corpus folder with '/' separators.</param>
/// <param name="Title">For text files the first non-empty line, trimmed; for the other formats see docs/documents.md.</param>
/// <param name="Text">The exact text every offset refers to.</param>
/// <param name="ContentHash">SHA-256 of the text, lower-case hex.</param>
public sealed record SourceDocument(string DocumentId, string Title, string Text, string ContentHash);
