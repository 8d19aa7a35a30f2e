using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Answering;
using Assistant.Citations;

namespace Assistant.Web.Bot.Formatting;

/// <summary>
/// Renders an <see cref="Answer"/> onto a reply activity: Markdown text (the short answer in bold first, then the quotes; a
/// left-to-right line isolated as such, <see cref="BidiLines"/>) with [n] markers, Markdown reference definitions
/// (Web Chat turns them into links), and one schema.org Message entity with a Claim per marker (Teams' citations, and
/// the AI label on a language model's answer only). Teams gets no definitions: it renders citations from the entity and would show the definitions as text.
/// </summary>
public static partial class ReplyFormatter
{
    /// <summary>Teams rejects more (docs/protocols.md B2).</summary>
    public const int MaxCitations = 20;
    public const int MaxTitleChars = 80;
    public const int MaxAbstractChars = 160;
    /// <summary>Teams' limit for a whole message, counted in UTF-16 (docs/protocols.md B4).</summary>
    public const int MaxMessageBytes = 100 * 1024;

    private const string Ellipsis = "…";

    public static void Apply(Activity reply, Answer answer, Uri linkBase)
    {
        // Each citation's link and label are made once: the definitions and the claims both show them.
        var citations = answer.Citations.OrderBy(c => c.Marker).Take(MaxCitations)
            .Select(c => new Cited(c.Marker, DocumentLinks.For(linkBase, c), CitationLabel.Of(c), c.Quote)).ToList();
        var body = KeepMarkers(answer.Text, citations.Select(c => c.Marker).ToHashSet());
        // Only text a model wrote carries the label; a refusal is the model's decision, worded by the assistant.
        var aiGenerated = answer.Generator == AnswerGenerators.Llm && !answer.Abstained;
        Render(reply, body, answer.ShortAnswer, citations, aiGenerated);

        // Shorten the answer (never the citation data) until the whole activity fits.
        while (body.Length > 0 && ExcessBytes(reply) is > 0 and var excessBytes)
        {
            var excessChars = excessBytes / sizeof(char);
            body = DisplayText.CutOnWord(body, Math.Max(0, body.Length - excessChars - Ellipsis.Length));
            var used = Markers(body);
            Render(reply, body, answer.ShortAnswer, citations.Where(c => used.Contains(c.Marker)).ToList(), aiGenerated);
        }
    }

    /// <summary>A citation as the reply shows it: its marker, the document page it links to, its label and its quote.</summary>
    private sealed record Cited(int Marker, string Link, string Label, string Quote);

    private static void Render(Activity reply, string body, string? lead, IReadOnlyList<Cited> citations, bool aiGenerated)
    {
        var flavor = reply.ChannelId == Channels.MsTeams ? MarkdownFlavor.Teams : MarkdownFlavor.WebChat;
        // The reply's text is composed in one builder, sized for the body and the definitions.
        var text = new StringBuilder(body.Length + 16 + citations.Sum(c => c.Link.Length + c.Label.Length + 16));
        // Markdown adds no letter to the body: without a Latin letter in it, no line is laid out left to right.
        if (BidiLines.HasLatinLetters(body)) text.Append(BidiLines.IsolateLeftToRight(AppendMarkdown(new StringBuilder(), body, lead, flavor).ToString()));
        else AppendMarkdown(text, body, lead, flavor);
        if (reply.ChannelId != Channels.MsTeams && citations.Count > 0)
        {
            text.Append("\n\n");
            // Several citations of one document: each named by its title and where in it («الشأن السوري — «بوتين وترامب…»»).
            for (var i = 0; i < citations.Count; i++)
            {
                if (i > 0) text.Append('\n');
                text.Append('[').Append(citations[i].Marker).Append("]: ").Append(citations[i].Link).Append(" \"").Append(EscapeTitle(citations[i].Label)).Append('"');
            }
        }
        reply.Text = text.ToString();
        reply.TextFormat = "markdown";

        var claims = citations.Select(c => (c.Marker, c.Label, DisplayText.Shorten(c.Quote, MaxAbstractChars), c.Link)).ToList();
        reply.Entities = [CitationEntity.Message(claims, aiGenerated)];
    }

    /// <summary>
    /// The body as Markdown: the short answer it opens with in bold (Web Chat and Teams show it as the reply's first
    /// line, the quotes below it), everything inert but the [n] markers.
    /// </summary>
    private static StringBuilder AppendMarkdown(StringBuilder text, string body, string? lead, MarkdownFlavor flavor)
    {
        if (lead is not { Length: > 0 } || !body.StartsWith(lead, StringComparison.Ordinal)) return AppendEscapedAroundMarkers(text, body, flavor);
        // The space before the lead's marker is kept as it is: escaping drops spaces that open a line.
        var rest = body.AsSpan(lead.Length);
        var space = rest.Length - rest.TrimStart(' ').Length;
        MarkdownText.AppendEscaped(text.Append("**"), lead, flavor).Append("**").Append(rest[..space]);
        return AppendEscapedAroundMarkers(text, rest[space..], flavor);
    }

    /// <summary>
    /// The answer as inert Markdown (its words come from documents) with its [n] markers left live. Markers that stand
    /// together («[1][2]») get a space between them: CommonMark reads «[1][2]» as one reference link, the text «1» opening
    /// citation 2, and marker 2 gone.
    /// </summary>
    private static StringBuilder AppendEscapedAroundMarkers(StringBuilder text, ReadOnlySpan<char> body, MarkdownFlavor flavor)
    {
        var last = 0;
        foreach (var marker in MarkerPattern().EnumerateMatches(body))
        {
            if (last > 0 && marker.Index == last) text.Append(' ');
            MarkdownText.AppendEscaped(text, body[last..marker.Index], flavor).Append(body.Slice(marker.Index, marker.Length));
            last = marker.Index + marker.Length;
        }
        return MarkdownText.AppendEscaped(text, body[last..], flavor);
    }

    /// <summary>Drops markers beyond the citations kept, so every marker left has its claim.</summary>
    private static string KeepMarkers(string text, HashSet<int> kept) =>
        Markers(text).IsSubsetOf(kept) ? text : MarkerPattern().Replace(text, m => kept.Contains(int.Parse(m.Groups[1].ValueSpan)) ? m.Value : "");

    private static HashSet<int> Markers(string text)
    {
        var markers = new HashSet<int>();
        // A marker is «[» digits «]»: its number is what lies between the brackets.
        foreach (var marker in MarkerPattern().EnumerateMatches(text)) markers.Add(int.Parse(text.AsSpan(marker.Index + 1, marker.Length - 2)));
        return markers;
    }

    private static string EscapeTitle(string title) => title.Replace("\\", "\\\\").Replace("\"", "\\\"");

    /// <summary>
    /// How far the activity is over <see cref="MaxMessageBytes"/>, 0 when it fits. Serialised only when the cheap
    /// bound says it might not fit: replies are normally a few KB, and measuring one cost as much as sending it.
    /// </summary>
    private static int ExcessBytes(Activity activity) =>
        Utf16BytesAtMost(activity) <= MaxMessageBytes ? 0 : Math.Max(0, Utf16Bytes(activity) - MaxMessageBytes);

    private static int Utf16Bytes(Activity activity) =>
        JsonSerializer.Serialize(activity, ActivityJson.Options).Length * sizeof(char);

    /// <summary>
    /// An upper bound on <see cref="Utf16Bytes"/> without serialising: every character of every string counted as a
    /// six-character \uXXXX escape, and every property with room for its name and punctuation. Null when the activity
    /// carries JSON only serialisation can size (value, channel data, attachments, members, unknown fields).
    /// </summary>
    internal static long? Utf16BytesAtMost(Activity activity)
    {
        if (activity is { Value: not null } or { ChannelData: not null } or { Attachments: not null }
            or { MembersAdded: not null } or { MembersRemoved: not null } or { Extra: not null })
        {
            return null;
        }
        if (AccountChars(activity.From) is not { } from || AccountChars(activity.Recipient) is not { } recipient
            || activity.Conversation?.Extra is not null)
        {
            return null;
        }
        var chars = PropertyAllowance * 24 // every property of an activity, set or not
            + StringChars(activity.Type) + StringChars(activity.Id) + StringChars(activity.LocalTimezone)
            + StringChars(activity.ServiceUrl) + StringChars(activity.ChannelId) + StringChars(activity.TextFormat)
            + StringChars(activity.Locale) + StringChars(activity.Text) + StringChars(activity.InputHint)
            + StringChars(activity.ReplyToId) + StringChars(activity.DeliveryMode) + StringChars(activity.Name)
            + from + recipient
            + PropertyAllowance * 5 + StringChars(activity.Conversation?.Id) + StringChars(activity.Conversation?.Name)
            + StringChars(activity.Conversation?.ConversationType) + StringChars(activity.Conversation?.TenantId)
            + EntitiesChars(activity.Entities);
        return chars * sizeof(char);
    }

    // Indexed loops rather than LINQ's Sum below: every reply is sized, and Sum over a JSON node enumerates it boxed, through a delegate.

    private static long EntitiesChars(List<JsonObject>? entities)
    {
        var chars = 0L;
        if (entities is null) return chars;
        foreach (var entity in entities) chars += JsonChars(entity);
        return chars;
    }

    /// <summary>Room for a property's name, quotes, colon, comma and a number, boolean, date or null as its value.</summary>
    private const long PropertyAllowance = 64;

    private static long StringChars(string? value) => 6L * (value?.Length ?? 0);

    private static long? AccountChars(ChannelAccount? account) => account switch
    {
        null => 0,
        { Extra: not null } => null,
        _ => PropertyAllowance * 4 + StringChars(account.Id) + StringChars(account.Name) + StringChars(account.AadObjectId) + StringChars(account.Role),
    };

    private static long JsonChars(JsonNode? node) => node switch
    {
        JsonObject properties => PropertyAllowance + PropertiesChars(properties),
        JsonArray items => PropertyAllowance + ItemsChars(items),
        // A value parsed or serialised into a node: its raw UTF-8 has at least as many bytes as the string has chars, and
        // reading it allocates nothing (GetValue<string> would unescape it into a new string).
        JsonValue value when value.TryGetValue(out JsonElement element) =>
            element.ValueKind == JsonValueKind.String ? 6L * JsonMarshal.GetRawUtf8Value(element).Length : PropertyAllowance,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => StringChars(value.GetValue<string>()),
        _ => PropertyAllowance,
    };

    private static long PropertiesChars(JsonObject properties)
    {
        var chars = 0L;
        for (var i = 0; i < properties.Count; i++)
        {
            var (key, value) = properties.GetAt(i);
            chars += PropertyAllowance + StringChars(key) + JsonChars(value);
        }
        return chars;
    }

    private static long ItemsChars(JsonArray items)
    {
        var chars = 0L;
        for (var i = 0; i < items.Count; i++) chars += PropertyAllowance + JsonChars(items[i]);
        return chars;
    }

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex MarkerPattern();

}
