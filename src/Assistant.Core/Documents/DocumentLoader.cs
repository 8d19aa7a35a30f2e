using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Assistant.Documents;

/// <summary>A file that could not be loaded, with the reason in plain words.</summary>
public sealed record SkippedFile(string Path, string Reason);

public sealed record LoadResult(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<SkippedFile> Skipped);

/// <summary>
/// Reads every .txt and .md file under a folder (recursively) as strict UTF-8, BOM removed, text otherwise untouched.
/// A file that is not valid UTF-8, empty or unreadable is reported and skipped; it never stops the others.
/// </summary>
public sealed class DocumentLoader(ILogger<DocumentLoader> logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] Extensions = [".txt", ".md"];

    public async Task<LoadResult> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Corpus folder not found: {Path.GetFullPath(folder)}");
        }
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => (Full: f, Id: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        var documents = new List<SourceDocument>(files.Count);
        var skipped = new List<SkippedFile>();
        foreach (var (full, id) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (document, reason) = await TryLoadAsync(full, id, cancellationToken);
            if (document is not null)
            {
                documents.Add(document);
            }
            else
            {
                logger.LogWarning("Skipped {DocumentId}: {Reason}", id, reason);
                skipped.Add(new SkippedFile(id, reason!));
            }
        }
        return new LoadResult(documents, skipped);
    }

    private static async Task<(SourceDocument?, string?)> TryLoadAsync(string path, string documentId, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"unreadable ({e.Message})");
        }
        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble)) body = body[Encoding.UTF8.Preamble.Length..];
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return (null, "not valid UTF-8");
        }
        if (string.IsNullOrWhiteSpace(text)) return (null, "empty");
        return (new SourceDocument(documentId, TitleOf(text), text, HashOf(text)), null);
    }

    public static string TitleOf(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0) return trimmed;
        }
        return "";
    }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
