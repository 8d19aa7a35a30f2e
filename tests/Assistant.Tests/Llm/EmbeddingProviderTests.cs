using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Configuration;
using Assistant.Embedding;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Llm;

/// <summary>
/// A remote embedding provider is only an <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> in the container: the
/// indexer and the retriever must use whichever one is registered, and the index must remember which one made its vectors.
/// </summary>
public sealed class EmbeddingProviderTests
{
    /// <summary>Stands in for a remote model: delegates the arithmetic to the local embedder, counts texts, has its own identity.</summary>
    private sealed class CountingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Texts;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Interlocked.Add(ref Texts, list.Count);
            return inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("fake-remote", null, "test-model", 128) : null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task The_registered_embedding_generator_feeds_the_index_and_the_queries()
    {
        var fake = new CountingEmbeddingGenerator(new LocalEmbeddingGenerator(new ArabicTextAnalyzer(), Options.Create(new EmbeddingsOptions { Dimensions = 128 })));
        using var folder = new TempFolder();
        await using var services = AssistantHost.Build(TestPaths.Seeds, folder.Path, configure: s => s.AddEmbeddingGenerator(fake));
        var ct = TestContext.Current.CancellationToken;

        await services.GetRequiredService<IndexInitializer>().EnsureIndexAsync(ct);
        var status = await services.GetRequiredService<IPassageIndex>().GetStatusAsync(ct);
        Assert.Equal("fake-remote/test-model/128", status.EmbedderId);
        Assert.Equal(status.Passages, fake.Texts);

        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question("في أي مدينة فيتنامية التقى ترامب وبوتين؟"), ct);
        Assert.Equal(status.Passages + 1, fake.Texts);
        Assert.Contains(answer.Passages, p => p.DocumentId == "000_84f7261bbaa5e2d3.txt");
    }
}

/// <summary>Remote embedding providers through the real client libraries, against a loopback fake model service.</summary>
public sealed class EmbeddingProviderWireTests
{
    /// <summary>A crude but deterministic embedding: letter counts folded into 32 buckets.</summary>
    private static float[] Embed(string text)
    {
        var vector = new float[32];
        foreach (var c in text.Where(char.IsLetterOrDigit))
        {
            vector[c % 32]++;
        }

        return vector;
    }

    public static TheoryData<string, string> Providers => new()
    {
        { "OpenAI", "/embeddings" },
        { "Ollama", "/api/embed" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_remote_embedding_model_embeds_every_passage_and_every_query(string provider, string path)
    {
        await using var server = provider == "Ollama" ? FakeModelServer.OllamaEmbeddings(Embed) : FakeModelServer.OpenAIEmbeddings(Embed);
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = provider,
            ["Embeddings:Model"] = "test-embedder",
            ["Embeddings:Endpoint"] = server.Endpoint.ToString(),
            ["Embeddings:ApiKey"] = "sk-test",
            ["Embeddings:Dimensions"] = "0",
        };
        await using var services = AssistantHost.Build(TestPaths.Seeds, folder.Path, settings);
        var ct = TestContext.Current.CancellationToken;

        await services.GetRequiredService<IndexInitializer>().EnsureIndexAsync(ct);
        var status = await services.GetRequiredService<IPassageIndex>().GetStatusAsync(ct);
        Assert.StartsWith($"{provider.ToLowerInvariant()}/test-embedder/", status.EmbedderId);
        Assert.All(server.Requests, r => Assert.Equal(path, r.Path));
        Assert.Equal(status.Passages, server.Requests.Sum(r => FakeModelServer.Inputs(r.Body["input"]!).Count));

        var before = server.Requests.Count;
        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question(SeedModel.Question), ct);
        Assert.Equal(before + 1, server.Requests.Count);
        Assert.Equal(SeedModel.Question, FakeModelServer.Inputs(server.Requests[^1].Body["input"]!).Single());
        Assert.NotEmpty(answer.Passages);
    }
}
