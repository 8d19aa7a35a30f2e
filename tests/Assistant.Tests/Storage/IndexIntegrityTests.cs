using System.IO.Hashing;
using System.Text.Json.Nodes;
using Assistant.Indexing;
using Assistant.Retrieval;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Storage;

/// <summary>The embedded index checks itself when it opens: damage is named in one line with the way out, never served.</summary>
public sealed class IndexIntegrityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> BuildAsync(string indexPath, bool twice = false)
    {
        await using var services = AssistantHost.Build(TestPaths.Seeds, indexPath);
        var indexer = services.GetRequiredService<CorpusIndexer>();
        await indexer.IndexAsync(TestPaths.Seeds, false, null, Ct);
        if (twice) await indexer.IndexAsync(TestPaths.Seeds, true, null, Ct);
        return Path.Combine(indexPath, File.ReadAllText(Path.Combine(indexPath, "CURRENT")).Trim());
    }

    private static async Task<Exception> OpenFailureAsync(string indexPath)
    {
        await using var services = AssistantHost.Build(TestPaths.Seeds, indexPath);
        return await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IPassageIndex>().GetStatusAsync(Ct));
    }

    private static void AssertOneLineNamingTheRepair(Exception failure, string file)
    {
        var unavailable = Assert.IsType<IndexUnavailableException>(failure);
        Assert.DoesNotContain('\n', unavailable.Message);
        Assert.Contains("index --rebuild", unavailable.Message);
        Assert.Contains(file, unavailable.Message);
    }

    [Fact]
    public async Task A_truncated_passage_file_is_reported_with_the_repair()
    {
        using var work = new TempFolder();
        var generation = await BuildAsync(work.Path);
        var passages = Path.Combine(generation, "passages.bin");
        File.WriteAllBytes(passages, File.ReadAllBytes(passages)[..1000]);

        AssertOneLineNamingTheRepair(await OpenFailureAsync(work.Path), "passages.bin");
    }

    [Fact]
    public async Task Overwritten_vector_bytes_are_detected()
    {
        using var work = new TempFolder();
        var generation = await BuildAsync(work.Path);
        var vectors = Path.Combine(generation, "vectors.f32");
        var bytes = File.ReadAllBytes(vectors);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(vectors, bytes);

        AssertOneLineNamingTheRepair(await OpenFailureAsync(work.Path), "vectors.f32");
    }

    [Fact]
    public async Task A_vector_that_is_not_finite_is_refused_even_with_a_matching_checksum()
    {
        using var work = new TempFolder();
        var generation = await BuildAsync(work.Path);
        var vectors = Path.Combine(generation, "vectors.f32");
        var bytes = File.ReadAllBytes(vectors);
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, 8);
        File.WriteAllBytes(vectors, bytes);
        MatchChecksum(generation, "vectors.f32", bytes);

        AssertOneLineNamingTheRepair(await OpenFailureAsync(work.Path), "vectors.f32");
    }

    [Fact]
    public async Task A_passage_placed_outside_its_document_is_refused_even_with_a_matching_checksum()
    {
        using var work = new TempFolder();
        var generation = await BuildAsync(work.Path);
        var passages = Path.Combine(generation, "passages.bin");
        var bytes = File.ReadAllBytes(passages);
        // The first passage's end offset (the third int of its entry) far past its document's text.
        BitConverter.GetBytes(10_000_000).CopyTo(bytes, 8);
        File.WriteAllBytes(passages, bytes);
        MatchChecksum(generation, "passages.bin", bytes);

        AssertOneLineNamingTheRepair(await OpenFailureAsync(work.Path), "passages.bin");
    }

    /// <summary>Writes the changed file's checksum into the manifest, as a writer with a bug would.</summary>
    private static void MatchChecksum(string generation, string file, byte[] bytes)
    {
        var manifestPath = Path.Combine(generation, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["checksums"]![file] = Convert.ToHexStringLower(XxHash128.Hash(bytes));
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    [Fact]
    public async Task A_damaged_generation_falls_back_to_the_previous_good_one_and_says_so()
    {
        using var work = new TempFolder();
        var generation = await BuildAsync(work.Path, twice: true);
        var passages = Path.Combine(generation, "passages.bin");
        File.WriteAllBytes(passages, File.ReadAllBytes(passages)[..1000]);

        await using var services = AssistantHost.Build(TestPaths.Seeds, work.Path);
        var status = await services.GetRequiredService<IPassageIndex>().GetStatusAsync(Ct);
        var found = await services.GetRequiredService<PassageRetriever>().RetrieveAsync("البيان الختامي لمباحثات أستانا", 3, Ct);

        Assert.Equal(5, status.Documents);
        Assert.NotNull(status.Problem);
        Assert.Contains("index --rebuild", status.Problem);
        Assert.NotEmpty(found.Passages);
    }

    [Fact]
    public async Task An_index_folder_that_cannot_be_written_is_not_called_busy()
    {
        using var work = new TempFolder();
        var blocker = work.File("not-a-folder", "x");
        var indexPath = Path.Combine(blocker, "index");
        await using var services = AssistantHost.Build(TestPaths.Seeds, indexPath);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, true, null, Ct));

        var unavailable = Assert.IsType<IndexUnavailableException>(failure);
        Assert.Contains(indexPath, unavailable.Message);
        Assert.DoesNotContain("Another indexing run", unavailable.Message);
    }
}
