using System.Security.Cryptography;
using System.Text;
using Assistant.Documents.Readers;
using Microsoft.Extensions.Logging;

namespace Assistant.Documents;

public sealed record LoadResult(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<SkippedFile> Skipped);

/// <summary>A file of the corpus folder: its full path and its document id (the path relative to the folder, with '/').</summary>
public sealed record CorpusFile(string FullPath, string DocumentId);

/// <summary>One file read: the document, or why it was skipped.</summary>
public sealed record LoadedFile(string DocumentId, SourceDocument? Document, SkippedFile? Skipped);

/// <summary>
/// Reads every file under a folder (recursively) with the reader for its format: chosen by content first (a PDF named
/// .txt is still a PDF), by extension second (docs/documents.md). A file no reader takes, or one its reader cannot
/// read, is reported with the reason and skipped; it never stops the others.
/// </summary>
public sealed class DocumentLoader(IEnumerable<IDocumentReader> readers, ILogger<DocumentLoader> logger)
{
    /// <summary>How many leading bytes a reader gets to recognise its format by.</summary>
    public const int HeadLength = 4096;

    private readonly IReadOnlyList<IDocumentReader> _readers = [.. readers];

    public async Task<LoadResult> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var documents = new List<SourceDocument>();
        var skipped = new List<SkippedFile>();
        await foreach (var file in ReadAllAsync(ListFiles(folder), cancellationToken))
        {
            if (file.Document is { } document) documents.Add(document);
            else skipped.Add(file.Skipped!);
        }
        return new LoadResult(documents, skipped);
    }

    /// <summary>Every file under <paramref name="folder"/> (recursively), by document id; nothing is read yet.</summary>
    public IReadOnlyList<CorpusFile> ListFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Corpus folder not found: {Path.GetFullPath(folder)} (set Corpus:Path, e.g. Corpus__Path=/path/to/documents, or start from the folder that holds it)");
        }
        var root = Path.GetFullPath(folder);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new CorpusFile(f, Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.DocumentId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads the files one at a time, in order, so only one document's text is held at once by this loader.</summary>
    public async IAsyncEnumerable<LoadedFile> ReadAllAsync(IReadOnlyList<CorpusFile> files, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (full, id) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LoadedFile loaded;
            try
            {
                var extracted = await ReadAsync(full, cancellationToken);
                loaded = new LoadedFile(id, new SourceDocument(id, extracted.Title, extracted.Text, HashOf(extracted.Text)), null);
            }
            catch (UnreadableDocumentException e)
            {
                logger.LogWarning("Skipped {DocumentId}: {Reason}", id, e.Message);
                loaded = new LoadedFile(id, null, new SkippedFile(id, e.Kind, e.Message));
            }
            yield return loaded;
        }
    }

    private async Task<ExtractedDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            // The head is enough to recognise a format, so an unsupported file (a video, an archive) is never read whole.
            var head = new byte[HeadLength];
            int length;
            await using (var stream = File.OpenRead(path))
            {
                length = await stream.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, cancellationToken);
            }
            var reader = ReaderFor(path, head.AsSpan(0, length)) ?? throw Unsupported(path);
            return reader.Read(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableDocumentException(SkipReason.Unreadable, $"unreadable ({e.Message})");
        }
    }

    private IDocumentReader? ReaderFor(string path, ReadOnlySpan<byte> head)
    {
        foreach (var reader in _readers)
        {
            if (reader.Recognizes(head)) return reader;
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return _readers.FirstOrDefault(r => r.Extensions.Contains(extension));
    }

    private UnreadableDocumentException Unsupported(string path)
    {
        var extension = Path.GetExtension(path);
        var readable = string.Join(", ", _readers.SelectMany(r => r.Extensions));
        return new UnreadableDocumentException(SkipReason.UnsupportedType,
            $"unsupported type ({(extension.Length > 0 ? extension : "no extension")}; readable: {readable})");
    }

    /// <summary>
    /// The first non-empty line, trimmed, as plain text: Markdown's markup is no part of a title («# موجز عن مؤتمر
    /// بروكسل» is «موجز عن مؤتمر بروكسل»). A short first line is kept even when a headline follows it: two words are as
    /// often the title itself («سورة الفاتحة» over its first verse) as a site's section label («الشأن السوري»).
    /// </summary>
    public static string TitleOf(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var plain = MarkdownTitle.Plain(line);
            if (plain.Length > 0) return plain;
        }
        return "";
    }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
