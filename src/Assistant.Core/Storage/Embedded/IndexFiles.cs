using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Assistant.Chunking;
using Assistant.Documents;

namespace Assistant.Storage.Embedded;

/// <summary>One stored passage: the passage, its analysed terms (so a rebuild need not re-analyse) and its vector.</summary>
internal sealed record StoredPassage(Passage Passage, string Terms, float[] Vector);

/// <param name="Checksums">SHA-256 (hex) of every other file of the generation, by path relative to its folder with '/'.</param>
internal sealed record IndexManifest(int Format, string EmbedderId, int Dimensions, int Documents, int Passages, DateTimeOffset CreatedUtc,
    IReadOnlyDictionary<string, string>? Checksums = null);

/// <summary>A generation whose files are not what its manifest says (truncated, overwritten, missing, not finite).</summary>
internal sealed class IndexDamagedException(string generation, string file, string reason, Exception? inner = null)
    : Exception($"{file}: {reason}", inner)
{
    public string Generation { get; } = generation;
}

/// <summary>
/// On-disk layout of the embedded index. Each write produces a complete new generation folder
/// (<c>gen-*/</c>: manifest, documents, passages, vectors, Lucene index); the <c>CURRENT</c> file names the live one and
/// is replaced by an atomic rename, so readers only ever see a whole generation, old or new. The manifest, written last,
/// holds a checksum of every other file, and a generation is checked against it (and its vectors for finiteness) before
/// it is used, so damage is reported instead of changing answers.
/// </summary>
internal static class IndexFiles
{
    /// <summary>Bumped when the files or what they hold (the analyser's terms, the titles, the checksums) change; an older index is rebuilt.</summary>
    public const int Format = 7;
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

    /// <summary>Writes the generation's files, then its manifest with their checksums.</summary>
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
        var complete = manifest with { Checksums = await ChecksumsAsync(folder, cancellationToken) };
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(complete, Json), cancellationToken);
    }

    /// <summary>
    /// Reads a generation after checking it: <see cref="InvalidDataException"/> for one of another format (rebuilt by
    /// indexing), <see cref="IndexDamagedException"/> naming the file for one that is damaged.
    /// </summary>
    public static async Task<(IndexManifest Manifest, List<SourceDocument> Documents, List<StoredPassage> Passages)> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var generation = Path.GetFileName(folder);
        var manifest = await ReadManifestAsync(folder, generation, cancellationToken);
        if (manifest.Format != Format) throw new InvalidDataException($"Index format {manifest.Format} is not supported; run `assistant index --rebuild`.");
        await VerifyChecksumsAsync(folder, generation, manifest, cancellationToken);

        var documents = await ReadLinesAsync<SourceDocument>(folder, generation, DocumentsFile, cancellationToken);
        var lines = await ReadLinesAsync<PassageLine>(folder, generation, PassagesFile, cancellationToken);
        var raw = await File.ReadAllBytesAsync(Path.Combine(folder, VectorsFile), cancellationToken);
        var floats = MemoryMarshal.Cast<byte, float>(raw);
        if (floats.Length != lines.Count * manifest.Dimensions || raw.Length % sizeof(float) != 0)
        {
            throw new IndexDamagedException(generation, VectorsFile, "does not match the passages");
        }
        var passages = new List<StoredPassage>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var vector = floats.Slice(i * manifest.Dimensions, manifest.Dimensions).ToArray();
            // NaN or infinity would poison every cosine it enters; the embedders only ever write finite unit vectors.
            if (!vector.All(float.IsFinite)) throw new IndexDamagedException(generation, VectorsFile, $"the vector of passage {i} is not finite");
            passages.Add(new StoredPassage(lines[i].Passage, lines[i].Terms, vector));
        }
        return (manifest, documents, passages);
    }

    private static async Task<IndexManifest> ReadManifestAsync(string folder, string generation, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<IndexManifest>(await File.ReadAllTextAsync(Path.Combine(folder, ManifestFile), cancellationToken), Json)
                ?? throw new IndexDamagedException(generation, ManifestFile, "is empty");
        }
        catch (Exception e) when (e is JsonException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IndexDamagedException(generation, ManifestFile, e is JsonException ? "is not valid JSON" : "is missing", e);
        }
    }

    private static async Task VerifyChecksumsAsync(string folder, string generation, IndexManifest manifest, CancellationToken cancellationToken)
    {
        if (manifest.Checksums is not { Count: > 0 } expected) throw new IndexDamagedException(generation, ManifestFile, "has no checksums");
        var actual = await ChecksumsAsync(folder, cancellationToken);
        foreach (var (file, checksum) in expected)
        {
            if (!actual.TryGetValue(file, out var found)) throw new IndexDamagedException(generation, file, "is missing");
            if (!string.Equals(found, checksum, StringComparison.OrdinalIgnoreCase)) throw new IndexDamagedException(generation, file, "does not match its checksum");
        }
    }

    /// <summary>SHA-256 of every file of the generation but the manifest, by relative path with '/'.</summary>
    private static async Task<Dictionary<string, string>> ChecksumsAsync(string folder, CancellationToken cancellationToken)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == ManifestFile) continue;
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            checksums[relative] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        return checksums;
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

    private static async Task<List<T>> ReadLinesAsync<T>(string folder, string generation, string file, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(folder, file), cancellationToken))
        {
            number++;
            if (line.Length == 0) continue;
            try
            {
                items.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                throw new IndexDamagedException(generation, file, $"line {number} is not valid", e);
            }
        }
        return items;
    }
}
