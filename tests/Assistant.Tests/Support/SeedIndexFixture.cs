using Assistant.Answering;
using Assistant.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Support;

/// <summary>The five seed documents indexed once into a private folder, shared by the answering tests.</summary>
public sealed class SeedIndexFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public IAnswerService Answers => Services.GetRequiredService<IAnswerService>();

    /// <summary>Where the seed index lives, for tests that build their own services over it (e.g. with a chat model double).</summary>
    public string IndexPath => Path.Combine(_folder.Path, "index");

    public async ValueTask InitializeAsync()
    {
        _services = AssistantHost.Build(TestPaths.Seeds, IndexPath);
        await _services.GetRequiredService<CorpusIndexer>().IndexAsync(TestPaths.Seeds, rebuild: false, progress: null, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SeedIndexCollection : ICollectionFixture<SeedIndexFixture>
{
    public const string Name = "seed index";
}
