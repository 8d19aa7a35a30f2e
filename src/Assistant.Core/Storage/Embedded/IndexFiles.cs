using System.Runtime.InteropServices;
using System.Text.Json;
using Assistant.Chunking;
using Assistant.Documents;

namespace Assistant.Storage.Embedded;

/// <summary>One stored passage: the passage, its analysed terms (so a rebuild need not re-analyse) and its vector.</summary>
internal sealed record StoredPassage(Passage Passage, string Terms, float[] Vector);

internal sealed record IndexManifest(int Format, string EmbedderId, int Dimensions, int Documents, int Passages, DateTimeOffset CreatedUtc);

/// <summary>
/// On-disk layout of the embedded index. Each write produces a complete new generation folder
/// (<c>gen-*/</c>: manifest, documents, passages, vectors, Lucene index); the <c>CURRENT</c> file names the live one and
/// is replaced by an atomic rename, so readers only ever see a whole generation, old or new.
/// </summary>
internal static class IndexFiles
{
    /// <summary>Bumped when the files or what they hold (the analyser's terms, the titles) change; an older index is rebuilt.</summary>
    public const int Format = 6;
    public const string CurrentFile = "CURRENT";
    public const string LockFile = "index.lock";
    public const string GenerationPrefix = "gen-";
    private const string ManifestFile = "manifest.json";
    private const string DocumentsFile = "documents.jsonl";
    private const string PassagesFile = "passages.jsonl";
    private const string VectorsFile = "vectors.f32";
    public const string LuceneFolder = "lucene";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record PassageLine(Passage Passage, string Terms);

    public static string? ReadCurrent(string root)
    {
        var path = Path.Combine(root, CurrentFile);
        if (!File.Exists(path)) return null;
        var name = File.ReadAllText(path).Trim();
        return name.Length == 0 ? null : name;
    }

    public static void SwitchCurrent(string root, string generation)
    {
        var temp = Path.Combine(root, CurrentFile + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(generation));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(root, CurrentFile), overwrite: true);
    }

    public static async Task WriteAsync(string folder, IndexManifest manifest, IEnumerable<SourceDocument> documents, IReadOnlyList<StoredPassage> passages, CancellationToken cancellationToken)
    {
        await WriteLinesAsync(Path.Combine(folder, DocumentsFile), documents, cancellationToken);
        await WriteLinesAsync(Path.Combine(folder, PassagesFile), passages.Select(p => new PassageLine(p.Passage, p.Terms)), cancellationToken);
        using (var vectors = new FileStream(Path.Combine(folder, VectorsFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            // Buffered writes straight from each vector's memory: no byte copy per passage.
            foreach (var passage in passages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                vectors.Write(MemoryMarshal.AsBytes(passage.Vector.AsSpan()));
            }
            vectors.Flush(flushToDisk: true);
        }
        // The manifest is written last: a generation without one is incomplete and never used.
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json), cancellationToken);
    }

    public static async Task<(IndexManifest Manifest, List<SourceDocument> Documents, List<StoredPassage> Passages)> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var manifest = JsonSerializer.Deserialize<IndexManifest>(await File.ReadAllTextAsync(Path.Combine(folder, ManifestFile), cancellationToken), Json)
            ?? throw new InvalidDataException($"Empty manifest in {folder}");
        if (manifest.Format != Format) throw new InvalidDataException($"Index format {manifest.Format} is not supported; run `assistant index --rebuild`.");
        var documents = await ReadLinesAsync<SourceDocument>(Path.Combine(folder, DocumentsFile), cancellationToken);
        var lines = await ReadLinesAsync<PassageLine>(Path.Combine(folder, PassagesFile), cancellationToken);
        var raw = await File.ReadAllBytesAsync(Path.Combine(folder, VectorsFile), cancellationToken);
        var floats = MemoryMarshal.Cast<byte, float>(raw);
        if (floats.Length != lines.Count * manifest.Dimensions) throw new InvalidDataException($"Vector file of {folder} does not match its passages.");
        var passages = new List<StoredPassage>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            passages.Add(new StoredPassage(lines[i].Passage, lines[i].Terms, floats.Slice(i * manifest.Dimensions, manifest.Dimensions).ToArray()));
        }
        return (manifest, documents, passages);
    }

    private static async Task WriteLinesAsync<T>(string path, IEnumerable<T> items, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(JsonSerializer.Serialize(item, Json));
            }
            await writer.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
    }

    private static async Task<List<T>> ReadLinesAsync<T>(string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            if (line.Length == 0) continue;
            items.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidDataException($"Bad line in {path}"));
        }
        return items;
    }
}
