using Assistant.Answering;
using Assistant.Indexing;
using Assistant.Storage;
using Assistant.Storage.Qdrant;
using Assistant.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// The gRPC calls the back-end makes, as the double received them while the seeds are indexed and questions asked
/// (with an API key): named dense + IDF sparse vectors, the cluster layout from configuration, a payload index for
/// every filtered field, <c>wait=true</c> writes, prefetch + RRF queries, and the alias swap of a rebuild.
/// </summary>
public sealed class QdrantContractTests : IAsyncLifetime
{
    private const string ApiKey = "contract-key";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly List<ServiceProvider> providers = [];
    private readonly TempFolder scratch = new();
    private QdrantDouble server = null!;
    private Dictionary<string, string?> settings = [];

    public async ValueTask InitializeAsync()
    {
        server = await QdrantDouble.StartAsync(ApiKey);
        settings = QdrantTestServices.Settings(server.Url, ApiKey);
        settings["Index:Qdrant:ShardNumber"] = "3";
        settings["Index:Qdrant:ReplicationFactor"] = "2";
        settings["Index:Qdrant:WriteConsistencyFactor"] = "2";
        settings["Index:Qdrant:OnDiskVectors"] = "true";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers) await provider.DisposeAsync();
        await server.DisposeAsync();
        scratch.Dispose();
    }

    private string Alias => settings["Index:Qdrant:Collection"]!;

    [Fact]
    public async Task Indexing_and_asking_make_only_calls_qdrant_accepts_with_the_documented_layout()
    {
        var services = Services();
        await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, rebuild: false, null, Ct);
        var answer = await services.GetRequiredService<IAnswerService>().AskAsync(new Question("من أصدر البيان؟"), Ct);

        Assert.Empty(server.Refusals);
        Assert.All(server.Calls, call => Assert.Equal(ApiKey, call.ApiKey));
        Assert.NotEmpty(answer.Citations);

        var create = Assert.Single(server.Requests<CreateCollection>());
        var dense = create.VectorsConfig.ParamsMap.Map[QdrantCollectionLayout.DenseVector];
        Assert.Equal((512ul, Distance.Cosine), (dense.Size, dense.Distance));
        Assert.Equal(Modifier.Idf, create.SparseVectorsConfig.Map[QdrantCollectionLayout.SparseVector].Modifier);
        Assert.Equal((3u, 2u, 2u), (create.ShardNumber, create.ReplicationFactor, create.WriteConsistencyFactor));
#pragma warning disable CS0612 // the deprecated flag is the one every supported server understands
        Assert.True(dense.OnDisk);
#pragma warning restore CS0612
        Assert.Equal((await services.GetRequiredService<IPassageIndex>().GetStatusAsync(Ct)).EmbedderId, create.Metadata["assistant_embedder"].StringValue);

        var indexes = server.Requests<CreateFieldIndexCollection>();
        Assert.Equal(QdrantCollectionLayout.IndexedKeywordFields.Order(), indexes.Select(i => i.FieldName).Order());
        Assert.All(indexes, i => Assert.Equal((true, FieldType.Keyword), (i.Wait, i.FieldType)));

        var upserts = server.Requests<UpsertPoints>();
        Assert.All(upserts, u => Assert.True(u.Wait));
        var passage = upserts.SelectMany(u => u.Points).First(p => p.Payload["kind"].StringValue == "passage");
        Assert.Equal(PointIds.ForPassage(passage.Payload["passageId"].StringValue).ToString(), passage.Id.Uuid);
        Assert.Equal([QdrantCollectionLayout.DenseVector, QdrantCollectionLayout.SparseVector], passage.Vectors.Vectors_.Vectors.Keys.Order());
        Assert.All(server.Requests<DeletePoints>(), d => Assert.True(d.Wait && d.Points.Filter is not null));

        var query = server.Requests<QueryPoints>().First();
        Assert.Equal(Alias, query.CollectionName);
        Assert.Equal(61u, query.Query.Rrf.K);
        Assert.Equal([QdrantCollectionLayout.DenseVector, QdrantCollectionLayout.SparseVector], query.Prefetch.Select(p => p.Using));
        Assert.All(query.Prefetch, p => Assert.True(p.Limit >= query.Limit));

        // The build lives in its own collection, behind the configured name as an alias.
        Assert.Equal(create.CollectionName, server.AliasTarget(Alias));
        Assert.Equal([create.CollectionName], server.CollectionNames);
    }

    [Fact]
    public async Task A_rebuild_fills_a_new_collection_swaps_the_alias_in_one_call_and_drops_the_old_one()
    {
        var indexer = Services().GetRequiredService<CorpusIndexer>();
        var corpus = Directory.CreateDirectory(Path.Combine(scratch.Path, "corpus")).FullName;
        File.Copy(Path.Combine(TestPaths.Seeds, "000_84f7261bbaa5e2d3.txt"), Path.Combine(corpus, "000_84f7261bbaa5e2d3.txt"));
        await indexer.IndexAsync(corpus, rebuild: false, null, Ct);
        var first = server.AliasTarget(Alias);
        File.Copy(Path.Combine(TestPaths.Seeds, "001_43085affda0f6743.txt"), Path.Combine(corpus, "001_43085affda0f6743.txt"));
        await indexer.IndexAsync(corpus, rebuild: false, null, Ct);
        Assert.Equal(first, server.AliasTarget(Alias)); // incremental runs write in place

        foreach (var seed in Directory.GetFiles(TestPaths.Seeds)) File.Copy(seed, Path.Combine(corpus, Path.GetFileName(seed)), overwrite: true);
        var rebuilt = await indexer.IndexAsync(corpus, rebuild: true, null, Ct);

        Assert.Equal(5, rebuilt.Added);
        var second = server.AliasTarget(Alias);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal([second], server.CollectionNames);
        var swap = server.Requests<ChangeAliases>().Last();
        Assert.Equal([AliasOperations.ActionOneofCase.DeleteAlias, AliasOperations.ActionOneofCase.CreateAlias], swap.Actions.Select(a => a.ActionCase));
        Assert.Equal(5, (await Services().GetRequiredService<IPassageIndex>().GetStatusAsync(Ct)).Documents);
        Assert.Empty(server.Refusals);
    }

    [Fact]
    public async Task A_rebuild_that_fails_midway_leaves_the_old_collection_answering()
    {
        var services = Services();
        await services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, rebuild: false, null, Ct);
        var serving = server.AliasTarget(Alias);
        var before = await services.GetRequiredService<IAnswerService>().AskAsync(new Question("من أصدر البيان؟"), Ct);

        // The rebuild's passages are written; deleting stale ones (the next step) fails for good.
        server.FailNext(StatusCode.Internal, "Service internal error: disk full", method: "Delete");
        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() =>
            Services().GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, rebuild: true, null, Ct));

        QdrantErrorTests.AssertOneLine(error, "disk full");
        Assert.Equal(serving, server.AliasTarget(Alias));
        Assert.Equal([serving!], server.CollectionNames);
        var after = await Services().GetRequiredService<IAnswerService>().AskAsync(new Question("من أصدر البيان؟"), Ct);
        Assert.Equal(before.Text, after.Text);
        Assert.Equal(5, (await Services().GetRequiredService<IPassageIndex>().GetStatusAsync(Ct)).Documents);
    }

    [Fact]
    public async Task A_collection_named_like_the_alias_is_written_in_place_and_replaced_by_the_first_rebuild()
    {
        // No alias: the collection itself carries the configured name.
        var services = Services();
        var connection = services.GetRequiredService<QdrantConnection>();
        var legacy = QdrantCollectionLayout.CreateRequest(Alias, "Local/ngrams/512", 512, new Configuration.QdrantOptions());
        await connection.RunAsync(Alias, (qdrant, token) => qdrant.CreateCollectionAsync(legacy, token), Ct);
        foreach (var field in QdrantCollectionLayout.IndexedKeywordFields)
        {
            await connection.RunAsync(Alias, (qdrant, token) => qdrant.CreatePayloadIndexAsync(Alias, field, PayloadSchemaType.Keyword, cancellationToken: token), Ct);
        }
        var embedder = (await services.GetRequiredService<IPassageIndex>().GetStatusAsync(Ct)).EmbedderId;
        Assert.Equal("Local/ngrams/512", embedder);

        var rebuilt = await Services().GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, rebuild: true, null, Ct);

        Assert.Equal(5, rebuilt.Added);
        var target = server.AliasTarget(Alias);
        Assert.NotNull(target);
        Assert.Equal([target], server.CollectionNames);
        Assert.Empty(server.Refusals);
    }

    [Fact]
    public async Task The_double_refuses_filters_on_unindexed_fields_as_strict_mode_does()
    {
        var connection = Services().GetRequiredService<QdrantConnection>();
        var request = QdrantCollectionLayout.CreateRequest(Alias, "e", 3, new Configuration.QdrantOptions());
        await connection.RunAsync(Alias, (qdrant, token) => qdrant.CreateCollectionAsync(request, token), Ct);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() =>
            connection.RunAsync(Alias, (qdrant, token) => qdrant.CountAsync(Alias, QdrantCollectionLayout.Documents(), cancellationToken: token), Ct));

        QdrantErrorTests.AssertOneLine(error, "Index required but not found for \"kind\"");
        Assert.Single(server.Refusals);
    }

    private ServiceProvider Services()
    {
        var provider = AssistantHost.Build(TestPaths.Seeds, Path.Combine(scratch.Path, "embedded-index"), settings);
        providers.Add(provider);
        return provider;
    }
}
