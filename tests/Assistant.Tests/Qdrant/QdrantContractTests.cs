using System.Text.Json.Nodes;
using Assistant.Storage.Qdrant;
using Microsoft.Extensions.DependencyInjection;


namespace Assistant.Tests.Qdrant;

/// <summary>
/// Every request body the REST client sends is checked against the request schema of its route in Qdrant's OpenAPI
/// document (the double validates each body and records the result), plus the details the design relies on.
/// </summary>
public sealed class QdrantContractTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private QdrantDouble server = null!;
    private ServiceProvider services = null!;
    private QdrantRestClient client = null!;

    public async ValueTask InitializeAsync()
    {
        server = await QdrantDouble.StartAsync();
        services = QdrantTestServices.ClientServices(QdrantTestServices.Settings(server.Url));
        client = services.GetRequiredService<QdrantRestClient>();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Create_collection_body_is_a_valid_CreateCollection_with_named_dense_and_idf_sparse_vectors()
    {
        await client.CreateCollectionAsync(QdrantCollectionLayout.CreateRequest("Local/ngrams/3", 3), Ct);

        var body = SingleValid("PUT /collections/{c}").Json;
        Assert.Equal(3, body["vectors"]!["dense"]!["size"]!.GetValue<int>());
        Assert.Equal("Cosine", body["vectors"]!["dense"]!["distance"]!.GetValue<string>());
        Assert.Equal("idf", body["sparse_vectors"]!["sparse"]!["modifier"]!.GetValue<string>());
        Assert.Equal("Local/ngrams/3", body["metadata"]!["assistant_embedder"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_payload_index_body_is_a_valid_CreateFieldIndex_and_waits()
    {
        await CreateAsync();
        await client.CreatePayloadIndexAsync("documentId", "keyword", Ct);

        var request = SingleValid("PUT /collections/{c}/index");
        Assert.Equal("documentId", request.Json["field_name"]!.GetValue<string>());
        Assert.Equal("?wait=true", request.Query);
    }

    [Fact]
    public async Task Upsert_body_is_a_valid_PointInsertOperations_for_passage_and_vectorless_document_points()
    {
        await CreateAsync();
        await client.UpsertPointsAsync([PassagePoint("d.txt#0", [1, 0, 0], ["سلام"]), DocumentPoint("d.txt")], Ct);

        var request = SingleValid("PUT /collections/{c}/points");
        Assert.Equal("?wait=true", request.Query);
        var points = request.Json["points"]!.AsArray();
        Assert.Equal(PointIds.ForPassage("d.txt#0").ToString(), points[0]!["id"]!.GetValue<string>());
        Assert.Equal(3, points[0]!["vector"]!["dense"]!.AsArray().Count);
        Assert.Single(points[0]!["vector"]!["sparse"]!["indices"]!.AsArray());
        Assert.Empty(points[1]!["vector"]!.AsObject());
        Assert.Equal("d.txt", points[1]!["payload"]!["documentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_body_is_a_valid_PointsSelector_filter_on_documentId_and_waits()
    {
        await CreateAsync();
        await client.DeletePointsAsync(QdrantCollectionLayout.StalePassagesOf("d.txt", "abc"), Ct);

        var request = SingleValid("POST /collections/{c}/points/delete");
        Assert.Equal("?wait=true", request.Query);
        var filter = request.Json["filter"]!;
        Assert.Contains(filter["must"]!.AsArray(), c => c!["key"]!.GetValue<string>() == "documentId" && c["match"]!["value"]!.GetValue<string>() == "d.txt");
        Assert.Equal("abc", filter["must_not"]![0]!["match"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scroll_bodies_are_valid_ScrollRequests_including_the_page_offset()
    {
        await CreateAsync();
        await client.UpsertPointsAsync([PassagePoint("d.txt#0", [1, 0, 0], ["a"]), PassagePoint("d.txt#1", [0, 1, 0], ["b"]), PassagePoint("d.txt#2", [0, 0, 1], ["c"])], Ct);

        var first = await client.ScrollAsync(new ScrollRequest(QdrantCollectionLayout.Passages(), 2, null, QdrantCollectionLayout.PassageFields), Ct);
        var second = await client.ScrollAsync(new ScrollRequest(QdrantCollectionLayout.Passages(), 2, first.NextPageOffset, QdrantCollectionLayout.PassageFields), Ct);

        Assert.Equal(3, first.Points.Count + second.Points.Count);
        var requests = AllValid("POST /collections/{c}/points/scroll");
        Assert.Equal(2, requests.Count);
        Assert.Equal(first.NextPageOffset!.Value.GetString(), requests[1].Json["offset"]!.GetValue<string>());
        Assert.Equal(QdrantCollectionLayout.PassageFields, requests[1].Json["with_payload"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task Count_body_is_a_valid_CountRequest()
    {
        await CreateAsync();
        await client.UpsertPointsAsync([PassagePoint("d.txt#0", [1, 0, 0], ["a", "b"]), PassagePoint("d.txt#1", [0, 1, 0], ["b"])], Ct);

        Assert.Equal(1, await client.CountAsync(QdrantCollectionLayout.PassagesWithTerm("a"), Ct));
        Assert.True(SingleValid("POST /collections/{c}/points/count").Json["exact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Query_body_is_a_valid_QueryRequest_with_dense_and_sparse_prefetch_fused_by_rrf_with_k()
    {
        await CreateAsync();
        await client.UpsertPointsAsync([PassagePoint("d.txt#0", [1, 0, 0], ["a"]), PassagePoint("d.txt#1", [0, 1, 0], ["b"])], Ct);

        var points = await client.QueryAsync(new QueryRequest(
            [new Prefetch(new float[] { 1, 0, 0 }, "dense", 10), new Prefetch(SparseTermEncoder.EncodeQuery(["b"]), "sparse", 10)],
            new RrfQuery(new Rrf(61)), 2, QdrantCollectionLayout.PassageFields), Ct);

        Assert.Equal(2, points.Count);
        var body = SingleValid("POST /collections/{c}/points/query").Json;
        Assert.Equal(61, body["query"]!["rrf"]!["k"]!.GetValue<int>());
        Assert.Equal(["dense", "sparse"], body["prefetch"]!.AsArray().Select(p => p!["using"]!.GetValue<string>()));
        Assert.All(body["prefetch"]!.AsArray(), p => Assert.True(p!["limit"]!.GetValue<int>() >= body["limit"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("QueryRequest", """{"prefetch":[{"query":[1.0],"using":"dense","limit":5}],"query":{"fusion":"RRF"},"limit":5}""")]
    [InlineData("QueryRequest", """{"prefetch":[{"query":[1.0],"using":"dense","limit":5}],"query":{"rrf":{"k":"sixty"}},"limit":5}""")]
    [InlineData("ScrollRequest", """{"filter":{"must":[{"key":"kind","match":{"value":"passage"}}],"unknown":1},"limit":5}""")]
    [InlineData("PointInsertOperations", """{"points":[{"id":"passage-1","vector":{}}]}""")]
    [InlineData("CreateCollection", """{"vectors":{"dense":{"size":3,"distance":"cosine"}}}""")]
    [InlineData("CountRequest", """{"filter":null,"exact":"yes"}""")]
    public async Task The_schema_check_rejects_bodies_Qdrant_would_reject(string schema, string body)
    {
        Assert.NotEmpty(await QdrantOpenApi.ValidateAsync(schema, body));
    }

    private Task CreateAsync() => client.CreateCollectionAsync(QdrantCollectionLayout.CreateRequest("test", 3), Ct);

    private RecordedRequest SingleValid(string route) => Assert.Single(AllValid(route));

    private List<RecordedRequest> AllValid(string route)
    {
        Assert.Empty(server.SchemaViolations);
        var requests = server.Requests.Where(r => r.Route == route).ToList();
        Assert.All(requests, r => Assert.True(QdrantOpenApi.RequestSchemas.ContainsKey(r.Route)));
        return requests;
    }

    internal static QdrantPoint PassagePoint(string passageId, float[] vector, string[] terms) =>
        new(PointIds.ForPassage(passageId), new Dictionary<string, object> { ["dense"] = vector, ["sparse"] = SparseTermEncoder.EncodePassage(terms, 75) },
            new PointPayload
            {
                Kind = "passage", DocumentId = passageId.Split('#')[0], PassageId = passageId, Title = "t", Start = 0, End = 1, Text = "x",
                Ordinal = int.Parse(passageId.Split('#')[1]), ContentHash = "h", Terms = terms,
            });

    private static QdrantPoint DocumentPoint(string documentId) =>
        new(PointIds.ForDocument(documentId), new Dictionary<string, object>(), new PointPayload { Kind = "document", DocumentId = documentId, Title = "t", Text = "x", ContentHash = "h" });
}
