using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Configuration;
using Assistant.Embedding;
using Assistant.Indexing;
using Assistant.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

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
        var indexPath = Path.Combine(Path.GetTempPath(), "assistant-embedding-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = SeedIndexFixture.Services(indexPath, s => s.AddEmbeddingGenerator(fake));
            var ct = TestContext.Current.CancellationToken;

            await services.GetRequiredService<IndexInitializer>().EnsureIndexAsync(ct);
            var status = await services.GetRequiredService<IPassageIndex>().GetStatusAsync(ct);
            Assert.Equal("fake-remote/test-model/128", status.EmbedderId);
            Assert.Equal(status.Passages, fake.Texts);

            var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question("في أي مدينة فيتنامية التقى ترامب وبوتين؟"), ct);
            Assert.Equal(status.Passages + 1, fake.Texts);
            Assert.Contains(answer.Passages, p => p.DocumentId == "000_84f7261bbaa5e2d3.txt");
        }
        finally
        {
            if (Directory.Exists(indexPath))
            {
                Directory.Delete(indexPath, recursive: true);
            }
        }
    }
}
