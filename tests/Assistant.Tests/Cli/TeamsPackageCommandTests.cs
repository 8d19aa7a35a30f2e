using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Assistant.Cli;
using Assistant.Cli.Commands;
using Xunit;

namespace Assistant.Tests.Cli;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "7f3c1a52-6c1e-4a0b-9d65-2b9a3f0e8c11";
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("assistant-teams-package");

    public void Dispose() => _output.Delete(recursive: true);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await TeamsPackageCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Writes_a_manifest_with_the_bot_icons_and_a_zip_ready_to_upload()
    {
        var (exitCode, output, _) = await RunAsync("--app-id", AppId, "--host", "assistant.contoso.com", "--output", _output.FullName);

        Assert.Equal(ExitCodes.Success, exitCode);
        var zipPath = Path.Combine(_output.FullName, TeamsPackageCommand.ZipName);
        Assert.Contains(zipPath, output);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());

        using var manifestStream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(manifestStream)!.AsObject();
        foreach (var required in new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor" })
        {
            Assert.True(manifest.ContainsKey(required), required);
        }
        Assert.True(double.Parse((string)manifest["manifestVersion"]!, System.Globalization.CultureInfo.InvariantCulture) >= 1.19);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{manifest["manifestVersion"]}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["assistant.contoso.com"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("https://assistant.contoso.com/", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["name"]!["full"]!).Length, 1, 100);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string)manifest["accentColor"]!);

        Assert.Equal((192, 192), PngSize(zip, (string)manifest["icons"]!["color"]!));
        Assert.Equal((32, 32), PngSize(zip, (string)manifest["icons"]!["outline"]!));
    }

    [Theory]
    [InlineData("not-a-guid", "assistant.contoso.com", "--app-id")]
    [InlineData(AppId, "http://assistant.contoso.com", "--host")]
    [InlineData(AppId, "https://assistant.contoso.com/bot", "--host")]
    public async Task Bad_arguments_are_refused_with_a_clear_message(string appId, string host, string named)
    {
        var (exitCode, _, error) = await RunAsync("--app-id", appId, "--host", host, "--output", _output.FullName);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith($"error: {named}", error);
        Assert.Empty(_output.GetFiles());
    }

    /// <summary>Width and height from the PNG header (IHDR follows the 8-byte signature and the chunk's length and type).</summary>
    private static (int Width, int Height) PngSize(ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
