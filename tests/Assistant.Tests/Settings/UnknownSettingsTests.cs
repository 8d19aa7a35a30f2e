using Assistant.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Assistant.Tests.Support;
using Xunit;

namespace Assistant.Tests.Settings;

public sealed class UnknownSettingsTests
{
    [Fact]
    public void Every_key_of_a_section_the_product_reads_must_be_a_setting()
    {
        var failures = Failures(new Dictionary<string, string?>
        {
            ["Answering:MaxCitation"] = "1",
            ["Answering:Selection:KindBonus"] = "0.3",
            ["Answering:Gate:Enabled"] = "false",
            ["Answering:Gate:Enabeld"] = "false",
            ["Index:Qdrant:Url"] = "http://localhost:6334",
            ["Index:Qdrant:Collectoin"] = "x",
            ["Chat:Retry:MaxRetryAttempts"] = "1",
            ["Chat:Retry:AnythingPolly"] = "1",
            ["PATH"] = "/usr/bin",
            ["Logging:LogLevel:Default"] = "Warning",
        });

        string[] expected =
        [
            "Answering:Gate:Enabeld is not a setting: did you mean Answering:Gate:Enabled?",
            "Answering:MaxCitation is not a setting: did you mean Answering:MaxCitations?",
            "Index:Qdrant:Collectoin is not a setting: did you mean Index:Qdrant:Collection?",
        ];
        Assert.Equal(expected, failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_key_far_from_every_setting_is_named_with_the_settings_its_section_has()
    {
        var failure = Assert.Single(Failures(new Dictionary<string, string?> { ["Retrieval:Reranker"] = "on" }));

        Assert.Equal("Retrieval:Reranker is not a setting; Retrieval has TopK, CandidatePool, RrfK.", failure);
    }

    [Fact]
    public void The_product_s_own_settings_file_has_no_unknown_key()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestPaths.RepoRoot, "appsettings.json")).Build();

        Assert.Empty(FailuresIn(configuration));
    }

    private static IReadOnlyList<string> Failures(Dictionary<string, string?> settings) =>
        FailuresIn(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static IReadOnlyList<string> FailuresIn(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddSingleton(configuration);
        services.AddOptions<AnsweringOptions>().BindSettings(AnsweringOptions.Section);
        services.AddOptions<SpanSelectionOptions>().BindSettings(SpanSelectionOptions.Section);
        services.AddOptions<AbstentionGateOptions>().BindSettings(AbstentionGateOptions.Section);
        services.AddOptions<IndexOptions>().BindSettings(IndexOptions.Section);
        services.AddOptions<RetrievalOptions>().BindSettings(RetrievalOptions.Section);
        services.AddOptions<ChatOptions>().BindSettings(ChatOptions.Section);
        services.AddOptions<CorpusOptions>().BindSettings(CorpusOptions.Section);
        services.AddOptions<ChunkingOptions>().BindSettings(ChunkingOptions.Section);
        services.AddOptions<EmbeddingsOptions>().BindSettings(EmbeddingsOptions.Section);
        services.AddSettingsSection("Chat:Retry");
        using var provider = services.BuildServiceProvider();
        var result = provider.GetRequiredService<IValidateOptions<UnknownSettings.SettingsKeys>>().Validate(null, new UnknownSettings.SettingsKeys());
        return result.Failed ? result.Failures.ToList() : [];
    }
}
