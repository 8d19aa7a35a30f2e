using System.Text.Json.Serialization;

namespace Assistant.Web.Bot.Formatting;

/// <summary>
/// The one root schema.org <c>Message</c> entity that Teams and Web Chat read for the AI label and citations (docs/protocols.md B2, B3).
/// </summary>
/// <param name="AiGenerated">The text was written by a language model: only then does the reply carry the AI-generated label.</param>
public sealed record MessageEntity(
    [property: JsonPropertyName("citation"), JsonPropertyOrder(1)] IReadOnlyList<Claim>? Citation,
    [property: JsonIgnore] bool AiGenerated)
{
    [JsonPropertyName("type")] public string Type => "https://schema.org/Message";
    [JsonPropertyName("@type")] public string SchemaType => "Message";
    [JsonPropertyName("@context")] public string Context => "https://schema.org";
    // Required empty by Web Chat and used so by Teams AI.
    [JsonPropertyName("@id")] public string Id => "";
    [JsonPropertyName("additionalType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AdditionalType => AiGenerated ? ["AIGeneratedContent"] : null;
}

/// <param name="Position">The n of the [n] marker in the text.</param>
public sealed record Claim(
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("appearance")] DigitalDocument Appearance)
{
    [JsonPropertyName("@type"), JsonPropertyOrder(-1)] public string SchemaType => "Claim";
}

/// <param name="Name">Document title, at most 80 characters.</param>
/// <param name="Abstract">The cited quote, at most 160 characters.</param>
/// <param name="Url">The document page with the quote highlighted.</param>
public sealed record DigitalDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("abstract")] string Abstract,
    [property: JsonPropertyName("url")] string Url)
{
    [JsonPropertyName("@type"), JsonPropertyOrder(-1)] public string SchemaType => "DigitalDocument";
}
