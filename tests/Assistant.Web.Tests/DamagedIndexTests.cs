using System.Net;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests;

/// <summary>A damaged index on disk: the host keeps serving, says why it is unhealthy and how to repair it, and never answers 500.</summary>
public sealed class DamagedIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_names_the_damage_and_the_repair_and_documents_are_503()
    {
        string indexPath;
        await using (var building = new CoreBotFactory())
        {
            await CoreBotFactory.WaitUntilHealthyAsync(building.CreateClient(), TimeSpan.FromSeconds(120));
            indexPath = building.IndexPath;
            var generation = File.ReadAllText(Path.Combine(indexPath, "CURRENT")).Trim();
            // Keep the index past the first factory's clean-up: copy it aside and truncate its passages there.
            CopyFolder(indexPath, indexPath + "-damaged");
            var passages = Path.Combine(indexPath + "-damaged", generation, "passages.bin");
            File.WriteAllBytes(passages, File.ReadAllBytes(passages)[..1000]);
        }

        await using var factory = new CoreBotFactory(indexPath: indexPath + "-damaged");
        var client = factory.CreateClient();
        using var health = await client.GetAsync("/healthz", Ct);
        using var document = await client.GetAsync("/documents/000_84f7261bbaa5e2d3.txt", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var why = await health.Content.ReadAsStringAsync(Ct);
        Assert.Contains("index --rebuild", why);
        Assert.Contains("passages.bin", why);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, document.StatusCode);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith("index.lock", StringComparison.Ordinal)) File.Copy(file, file.Replace(from, to));
        }
    }
}
