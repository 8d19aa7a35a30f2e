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
        var citations = answer.Citations.OrderBy(c => c.Marker).Take(MaxCitations).ToList();
        var body = KeepMarkers(answer.Text, citations.Select(c => c.Marker).ToHashSet());
        // Only text a model wrote carries the label; a refusal is the model's decision, worded by the assistant.
        var aiGenerated = answer.Generator == AnswerGenerators.Llm && !answer.Abstained;
        Render(reply, body, answer.ShortAnswer, citations, linkBase, aiGenerated);

        // Shorten the answer (never the citation data) until the whole activity fits.
        while (body.Length > 0 && ExcessBytes(reply) is > 0 and var excessBytes)
        {
            var excessChars = excessBytes / sizeof(char);
            body = DisplayText.CutOnWord(body, Math.Max(0, body.Length - excessChars - Ellipsis.Length));
            var used = Markers(body);
            Render(reply, body, answer.ShortAnswer, citations.Where(c => used.Contains(c.Marker)).ToList(), linkBase, aiGenerated);
        }
    }

    private static void Render(Activity reply, string body, string? lead, IReadOnlyList<Citation> citations, Uri linkBase, bool aiGenerated)
    {
        var links = citations.ToDictionary(c => c.Marker, c => DocumentLinks.For(linkBase, c));
        var flavor = reply.ChannelId == Channels.MsTeams ? MarkdownFlavor.Teams : MarkdownFlavor.WebChat;
        var text = new StringBuilder(BidiLines.IsolateLeftToRight(Markdown(body, lead, flavor)));
        if (reply.ChannelId != Channels.MsTeams && citations.Count > 0)
        {
            text.Append("\n\n");
            // Several citations of one document: each named by its title and where in it («الشأن السوري — «بوتين وترامب…»»).
            text.AppendJoin('\n', citations.Select(c => $"[{c.Marker}]: {links[c.Marker]} \"{EscapeTitle(CitationLabel.Of(c))}\""));
        }
        reply.Text = text.ToString();
        reply.TextFormat = "markdown";

        var claims = citations.Select(c => (c.Marker, CitationLabel.Of(c), DisplayText.Shorten(c.Quote, MaxAbstractChars), links[c.Marker])).ToList();
        reply.Entities = [CitationEntity.Message(claims, aiGenerated)];
    }

    /// <summary>
    /// The body as Markdown: the short answer it opens with in bold (Web Chat and Teams show it as the reply's first
    /// line, the quotes below it), everything inert but the [n] markers.
    /// </summary>
    private static string Markdown(string body, string? lead, MarkdownFlavor flavor)
    {
        if (lead is not { Length: > 0 } || !body.StartsWith(lead, StringComparison.Ordinal)) return EscapeAroundMarkers(body, flavor);
        // The space before the lead's marker is kept as it is: escaping drops spaces that open a line.
        var rest = body[lead.Length..];
        var space = rest.Length - rest.TrimStart(' ').Length;
        return $"**{MarkdownText.Escape(lead, flavor)}**{rest[..space]}{EscapeAroundMarkers(rest[space..], flavor)}";
    }

    /// <summary>
    /// The answer as inert Markdown (its words come from documents) with its [n] markers left live. Markers that stand
    /// together («[1][2]») get a space between them: CommonMark reads «[1][2]» as one reference link, the text «1» opening
    /// citation 2, and marker 2 gone.
    /// </summary>
    private static string EscapeAroundMarkers(string body, MarkdownFlavor flavor)
    {
        var escaped = new StringBuilder(body.Length);
        var last = 0;
        foreach (Match marker in MarkerPattern().Matches(body))
        {
            if (last > 0 && marker.Index == last) escaped.Append(' ');
            escaped.Append(MarkdownText.Escape(body[last..marker.Index], flavor)).Append(marker.Value);
            last = marker.Index + marker.Length;
        }
        return escaped.Append(MarkdownText.Escape(body[last..], flavor)).ToString();
    }

    /// <summary>Drops markers beyond the citations kept, so every marker left has its claim.</summary>
    private static string KeepMarkers(string text, HashSet<int> kept) =>
        MarkerPattern().Replace(text, m => kept.Contains(int.Parse(m.Groups[1].ValueSpan)) ? m.Value : "");

    private static HashSet<int> Markers(string text) =>
        MarkerPattern().Matches(text).Select(m => int.Parse(m.Groups[1].ValueSpan)).ToHashSet();

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
            + (activity.Entities?.Sum(JsonChars) ?? 0);
        return chars * sizeof(char);
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
        JsonObject properties => PropertyAllowance + properties.Sum(p => PropertyAllowance + StringChars(p.Key) + JsonChars(p.Value)),
        JsonArray items => PropertyAllowance + items.Sum(item => PropertyAllowance + JsonChars(item)),
        // A value parsed or serialised into a node: its raw UTF-8 has at least as many bytes as the string has chars, and
        // reading it allocates nothing (GetValue<string> would unescape it into a new string).
        JsonValue value when value.TryGetValue(out JsonElement element) =>
            element.ValueKind == JsonValueKind.String ? 6L * JsonMarshal.GetRawUtf8Value(element).Length : PropertyAllowance,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => StringChars(value.GetValue<string>()),
        _ => PropertyAllowance,
    };

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex MarkerPattern();

}
