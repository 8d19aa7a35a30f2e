using System.CommandLine;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Cli.Commands;

/// <summary>
/// `teams-package --app-id GUID --host HOST [--output DIR] [--name NAME] [--version X.Y.Z]`: writes a Microsoft Teams
/// app manifest (schema 1.19) for the bot, its two icons, and the zip to upload in Teams (docs/protocols.md B5).
/// </summary>
public static class TeamsPackageCommand
{
    public const string ManifestVersion = "1.19";
    public const string ZipName = "assistant-teams.zip";
    private const string ColorIcon = "color.png";
    private const string OutlineIcon = "outline.png";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Arabic names and descriptions stay readable in manifest.json.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (a GUID), as in Bot:MicrosoftAppId.", Required = true };
        var host = new Option<string>("--host") { Description = "Public host name of the web app, e.g. assistant.contoso.com.", Required = true };
        var output = new Option<string>("--output") { Description = "Folder to write into.", DefaultValueFactory = _ => "teams-package" };
        var name = new Option<string>("--name") { Description = "Short app name shown in Teams (at most 30 characters).", DefaultValueFactory = _ => "Assistant" };
        var version = new Option<string>("--version") { Description = "App package version (semver).", DefaultValueFactory = _ => "1.0.0" };
        var command = new Command("teams-package", "Write a Microsoft Teams app package (manifest, icons, zip) for the bot.")
        {
            appId, host, output, name, version,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var error = parsed.InvocationConfiguration.Error;
            var problem = Validate(parsed.GetValue(appId)!, parsed.GetValue(host)!, parsed.GetValue(name)!, parsed.GetValue(version)!, out var botId, out var hostName);
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.BadInput;
            }
            var zip = await WriteAsync(Manifest(botId, hostName, parsed.GetValue(name)!, parsed.GetValue(version)!), parsed.GetValue(output)!, cancellationToken);
            await parsed.InvocationConfiguration.Output.WriteLineAsync($"wrote {zip}: upload it in Teams (Apps > Manage your apps > Upload an app)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? Validate(string appId, string host, string name, string version, out Guid botId, out string hostName)
    {
        hostName = "";
        if (!Guid.TryParse(appId, out botId))
        {
            return $"--app-id must be a GUID (the bot's Microsoft App ID), not '{appId}'";
        }
        // Accept "host", "https://host" or "https://host/".
        var candidate = host.Contains("://", StringComparison.Ordinal) ? host : "https://" + host;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.AbsolutePath != "/")
        {
            return $"--host must be a host name reachable over https, e.g. assistant.contoso.com, not '{host}'";
        }
        hostName = uri.Authority;
        if (name.Length is 0 or > 30)
        {
            return "--name must have 1 to 30 characters";
        }
        return System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d+\.\d+\.\d+$") ? null : $"--version must look like 1.0.0, not '{version}'";
    }

    /// <summary>The manifest: required fields of schema 1.19 and the bot in every scope a Q&amp;A bot serves.</summary>
    public static JsonObject Manifest(Guid botId, string host, string name, string version)
    {
        var website = $"https://{host}/";
        return new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = ManifestVersion,
            ["version"] = version,
            // The Teams app id; reusing the bot's id keeps the two easy to match.
            ["id"] = botId.ToString(),
            ["developer"] = new JsonObject
            {
                ["name"] = name,
                ["websiteUrl"] = website,
                ["privacyUrl"] = website,
                ["termsOfUseUrl"] = website,
            },
            ["name"] = new JsonObject { ["short"] = name, ["full"] = $"{name}: مساعد الأسئلة عن الوثائق" },
            ["description"] = new JsonObject
            {
                ["short"] = "يجيب عن أسئلتك من الوثائق مع ذكر المصدر بالنص الحرفي.",
                ["full"] = "مساعد يجيب بالعربية عن الأسئلة من الوثائق المفهرسة فقط. كل إجابة تحمل إحالات [1] إلى المقاطع التي تدعمها، "
                    + "ويفتح كل مصدر على النص المقتبس مظللًا في الوثيقة. في المحادثات الجماعية والقنوات اذكر المساعد (@) ثم اكتب سؤالك.",
            },
            ["icons"] = new JsonObject { ["outline"] = OutlineIcon, ["color"] = ColorIcon },
            ["accentColor"] = "#1F6F8B",
            ["localizationInfo"] = new JsonObject { ["defaultLanguageTag"] = "ar" },
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = botId.ToString(),
                ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
            }),
            ["validDomains"] = new JsonArray(host),
        };
    }

    /// <summary>Writes manifest.json and the icons into <paramref name="folder"/>, then the zip of the three; returns the zip's path.</summary>
    public static async Task<string> WriteAsync(JsonObject manifest, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var files = new Dictionary<string, byte[]>
        {
            ["manifest.json"] = JsonSerializer.SerializeToUtf8Bytes(manifest, Json),
            [ColorIcon] = await IconAsync(ColorIcon, cancellationToken),
            [OutlineIcon] = await IconAsync(OutlineIcon, cancellationToken),
        };
        foreach (var (file, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, file), bytes, cancellationToken);
        }

        var zipPath = Path.GetFullPath(Path.Combine(folder, ZipName));
        await using var zipStream = File.Create(zipPath);
        await using var zip = new ZipArchive(zipStream, ZipArchiveMode.Create);
        foreach (var (file, bytes) in files)
        {
            // Teams wants the three files at the root of the zip.
            await using var entry = await zip.CreateEntry(file).OpenAsync(cancellationToken);
            await entry.WriteAsync(bytes, cancellationToken);
        }
        return zipPath;
    }

    private static async Task<byte[]> IconAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = typeof(TeamsPackageCommand).Assembly.GetManifestResourceStream($"TeamsPackage.{file}")
            ?? throw new InvalidOperationException($"The {file} icon is not embedded in the CLI.");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
