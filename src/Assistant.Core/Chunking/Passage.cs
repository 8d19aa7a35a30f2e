namespace Assistant.Chunking;

/// <summary>A slice of a document: <c>Text == document.Text.Substring(Start, End - Start)</c>.</summary>
/// <param name="Start">UTF-16 offset into the document text, inclusive.</param>
/// <param name="End">UTF-16 offset into the document text, exclusive.</param>
/// <param name="Ordinal">Position of the passage within its document, from 0.</param>
public sealed record Passage(string PassageId, string DocumentId, string Title, int Start, int End, string Text, int Ordinal);
