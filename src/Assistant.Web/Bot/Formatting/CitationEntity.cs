using System.Text.Json.Nodes;

namespace Assistant.Web.Bot.Formatting;

/// <summary>
/// The one root schema.org <c>Message</c> entity that Teams and Web Chat read for the AI label and citations
/// (docs/protocols.md B2, B3), built as a JSON node: serialising typed records into a node wrote the entity, parsed it
/// back and materialised it again for the size bound, for every reply.
/// </summary>
public static class CitationEntity
{
    /// <param name="claims">One per [n] marker: its n, the document's title (at most 80 characters), the cited quote (at
    /// most 160) and the document page with the quote highlighted.</param>
    /// <param name="aiGenerated">The text was written by a language model: only then does the entity carry the AI-generated label.</param>
    public static JsonObject Message(IReadOnlyList<(int Position, string Name, string Abstract, string Url)> claims, bool aiGenerated)
    {
        var entity = new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            // Required empty by Web Chat and used so by Teams AI.
            ["@id"] = "",
        };
        if (aiGenerated) entity["additionalType"] = new JsonArray("AIGeneratedContent");
        if (claims.Count == 0) return entity;

        var citation = new JsonArray();
        foreach (var (position, name, @abstract, url) in claims)
        {
            citation.Add(new JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = position,
                ["appearance"] = new JsonObject { ["@type"] = "DigitalDocument", ["name"] = name, ["abstract"] = @abstract, ["url"] = url },
            });
        }
        entity["citation"] = citation;
        return entity;
    }
}
