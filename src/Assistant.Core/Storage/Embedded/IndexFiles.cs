using System.IO.Hashing;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Storage.Embedded;

/// <param name="Format">The layout version (<see cref="IndexFiles.Format"/>); read first, before anything else of the generation.</param>
/// <param name="Checksums">XxHash128 (hex) of every other file of the generation, by path relative to its folder with '/'.</param>
internal sealed record IndexManifest(int Format, string EmbedderId, int Dimensions, int Documents, int Passages, DateTimeOffset CreatedUtc,
    IReadOnlyDictionary<string, string>? Checksums = null);

/// <summary>A generation whose files are not what its manifest says (truncated, overwritten, missing, not finite).</summary>
internal sealed class IndexDamagedException(string generation, string file, string reason, Exception? inner = null)
    : Exception($"{file}: {reason}", inner)
{
    public string Generation { get; } = generation;
}

/// <summary>
/// On-disk layout of the embedded index. Each write produces a complete new generation folder (<c>gen-*/</c>); the
/// <c>CURRENT</c> file names the live one and is replaced by an atomic rename, so readers only ever see a whole
/// generation, old or new. A generation holds:
/// <list type="bullet">
/// <item><c>documents.jsonl</c>: one line per document (id, title, hash, where its text and passages are);</item>
/// <item><c>texts.utf16</c>: the document texts, exact, one after the other (UTF-16, so a passage is a slice by its offsets);</item>
/// <item><c>passages.bin</c>: one fixed-size <see cref="PassageEntry"/> per passage, in document-id then passage order;</item>
/// <item><c>strings.utf8</c>: passage ids and analysed terms; <c>vectors.f32</c>: one vector per passage, and
/// <c>vectors.i8</c> the same quantised (<see cref="QuantizedVectors"/>);</item>
/// <item><c>lexicon.bin</c>, <c>lexicon.utf8</c>, <c>postings.bin</c>: the BM25 postings (<see cref="LexicalPostings"/>);</item>
/// <item><c>manifest.json</c>, written last: the format, the embedder, counts, and a checksum of every other file.</item>
/// </list>
/// Every file is read in place (memory-mapped) by a reader. Before a generation is used it is checked against its
/// manifest (and its vectors for finiteness), so damage is reported instead of changing answers.
/// </summary>
/// <param name="Manifest">XxHash128 of the manifest's bytes.</param>
/// <param name="Files">Length and last-write time (UTC ticks) of every checked file, by relative path.</param>
internal sealed record VerifiedState(string Manifest, IReadOnlyDictionary<string, FileState?> Files);

internal sealed record FileState(long Length, long ModifiedTicks);

/// <summary>Serialisation of the index's JSON files generated at build time: a one-question process reads them without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IndexManifest))]
[JsonSerializable(typeof(DocumentEntry))]
[JsonSerializable(typeof(VerifiedState))]
internal sealed partial class IndexJson : JsonSerializerContext;

internal static class IndexFiles
{
    /// <summary>Bumped when the files or what they hold (the analyser's terms, the titles, the checksums) change; an index of another format is rebuilt.</summary>
    public const int Format = 13;
    public const string CurrentFile = "CURRENT";
    public const string LockFile = "index.lock";
    public const string GenerationPrefix = "gen-";
    public const string ManifestFile = "manifest.json";
    /// <summary>The state of the files when they last passed their checks (not itself checked: it only saves work).</summary>
    private const string VerifiedFile = "verified.json";
    public const string DocumentsFile = "documents.jsonl";
    public const string TextsFile = "texts.utf16";
    public const string PassagesFile = "passages.bin";
    public const string StringsFile = "strings.utf8";
    public const string VectorsFile = "vectors.f32";
    public const string QuantizedVectorsFile = "vectors.i8";
    public const string LexiconFile = "lexicon.bin";
    public const string LexiconTermsFile = "lexicon.utf8";
    public const string PostingsFile = "postings.bin";

    private static readonly JsonSerializerOptions Json = IndexJson.Default.Options;

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

    /// <summary>Writes the manifest of a generation whose other files are complete, with their checksums; it is what makes the generation whole.</summary>
    public static async Task WriteManifestAsync(string folder, IndexManifest manifest, CancellationToken cancellationToken)
    {
        var complete = manifest with { Checksums = await ChecksumsAsync(folder, Path.GetFileName(folder), cancellationToken) };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(complete, Json);
        await using (var stream = new FileStream(Path.Combine(folder, ManifestFile), FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        // The files were just checked while their checksums were taken, so the first open need not read them again.
        await RememberVerifiedAsync(folder, bytes, complete, cancellationToken);
    }

    /// <summary>
    /// Reads a generation's manifest and checks its files against it: <see cref="InvalidDataException"/> for a generation
    /// of another format (never read further; indexing rebuilds it), <see cref="IndexDamagedException"/> naming the file
    /// for one that is damaged. The files are read as a stream (not mapped), so the check adds nothing to memory, and only
    /// when they changed since they last passed (<c>verified.json</c>): the writer records that, so opening reads no file whole.
    /// </summary>
    public static async Task<IndexManifest> ReadVerifiedAsync(string root, string generation, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, generation);
        var (manifest, bytes) = await ReadManifestAsync(root, folder, generation, cancellationToken);
        if (manifest.Checksums is not { Count: > 0 } expected) throw new IndexDamagedException(generation, ManifestFile, "has no checksums");
        if (await IsVerifiedAsync(folder, bytes, manifest, cancellationToken)) return manifest;
        var actual = await ChecksumsAsync(folder, generation, cancellationToken);
        foreach (var (file, checksum) in expected)
        {
            if (!actual.TryGetValue(file, out var found)) throw new IndexDamagedException(generation, file, "is missing");
            if (!string.Equals(found, checksum, StringComparison.OrdinalIgnoreCase)) throw new IndexDamagedException(generation, file, "does not match its checksum");
        }
        await RememberVerifiedAsync(folder, bytes, manifest, cancellationToken);
        return manifest;
    }

    /// <summary>
    /// Whether the files are as they were when they last passed their checks (same manifest, and every file of the same
    /// length and last-write time): then reading them all again would only find the same. Any rewrite of a file, or of
    /// the manifest, makes the next open check everything.
    /// </summary>
    private static async Task<bool> IsVerifiedAsync(string folder, byte[] manifest, IndexManifest parsed, CancellationToken cancellationToken)
    {
        try
        {
            var state = JsonSerializer.Deserialize<VerifiedState>(await File.ReadAllBytesAsync(Path.Combine(folder, VerifiedFile), cancellationToken), Json);
            return state is not null && state.Manifest == Convert.ToHexStringLower(XxHash128.Hash(manifest))
                && parsed.Checksums!.Keys.All(file => state.Files.TryGetValue(file, out var known) && known == StateOf(Path.Combine(folder, file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Best effort: a folder this process cannot write (a read-only index) is simply checked at every open.</summary>
    private static async Task RememberVerifiedAsync(string folder, byte[] manifest, IndexManifest parsed, CancellationToken cancellationToken)
    {
        var state = new VerifiedState(Convert.ToHexStringLower(XxHash128.Hash(manifest)),
            parsed.Checksums!.Keys.ToDictionary(file => file, file => StateOf(Path.Combine(folder, file)), StringComparer.Ordinal));
        var temp = Path.Combine(folder, $"{VerifiedFile}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(state, Json), cancellationToken);
            File.Move(temp, Path.Combine(folder, VerifiedFile), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
        }
    }

    private static FileState? StateOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileState(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    /// <summary>The format is read on its own first, so that a manifest of another version is never taken for this one's.</summary>
    private static async Task<(IndexManifest Manifest, byte[] Bytes)> ReadManifestAsync(string root, string folder, string generation, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, ManifestFile), cancellationToken);
            using (var json = JsonDocument.Parse(bytes))
            {
                if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("format", out var format) || !format.TryGetInt32(out var version))
                {
                    throw new IndexDamagedException(generation, ManifestFile, "has no format");
                }
                if (version != Format)
                {
                    throw new InvalidDataException(
                        $"The index at {root} is in format {version}, {(version < Format ? "older than" : "newer than or unknown to")} this version (format {Format}), and is rebuilt by `assistant index`");
                }
            }
            return (JsonSerializer.Deserialize<IndexManifest>(bytes, Json) ?? throw new IndexDamagedException(generation, ManifestFile, "is empty"), bytes);
        }
        catch (Exception e) when (e is JsonException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IndexDamagedException(generation, ManifestFile, e is JsonException ? "is not valid JSON" : "is missing", e);
        }
    }

    /// <summary>
    /// XxHash128 of every file of the generation but the manifest (and the record of its last check), by relative path
    /// with '/'. The vectors are also checked to be finite numbers in the same pass: NaN or infinity would poison every
    /// cosine it entered.
    /// </summary>
    private static async Task<Dictionary<string, string>> ChecksumsAsync(string folder, string generation, CancellationToken cancellationToken)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        var buffer = new byte[1 << 20];
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == ManifestFile || relative.StartsWith(VerifiedFile, StringComparison.Ordinal)) continue;
            var checkFinite = relative == VectorsFile;
            var hash = new XxHash128();
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, useAsync: false);
            int read;
            while ((read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                hash.Append(buffer.AsSpan(0, read));
                // MaxMagnitude is NaN if any value is, and infinite if any value is.
                if (checkFinite && !float.IsFinite(TensorPrimitives.MaxMagnitude(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, read & ~3)))))
                {
                    throw new IndexDamagedException(generation, VectorsFile, "holds a value that is not a finite number");
                }
            }
            checksums[relative] = Convert.ToHexStringLower(hash.GetCurrentHash());
        }
        return checksums;
    }

    public static async Task WriteLinesAsync<T>(string path, IEnumerable<T> items, CancellationToken cancellationToken)
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

    public static async Task<List<T>> ReadLinesAsync<T>(string folder, string generation, string file, CancellationToken cancellationToken)
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
