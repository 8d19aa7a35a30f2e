using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Web.Bot.Formatting;

/// <summary>The renderer a reply's Markdown is written for: what it would read as markup differs.</summary>
public enum MarkdownFlavor
{
    /// <summary>Web Chat's markdown-it: CommonMark with tables and strikethrough, bare links made links (linkify), and
    /// the typographer, which turns straight quotes curly, «--» into a dash, «..» into «…» and «(c)» into «©».</summary>
    WebChat,

    /// <summary>Teams: CommonMark's emphasis, lists, quotes, code and links, and bare links made links; no typographer.
    /// Teams may show a backslash before punctuation it does not read as markup, so nothing else is escaped.</summary>
    Teams,
}

/// <summary>
/// Makes text from a document inert in a Markdown reply, so it shows verbatim and nothing in a document can become a
/// link, an image, HTML or formatting, while ordinary punctuation stays as it is («only; please ask in Arabic, for
/// example:» gets no backslash). A backslash goes only before a character the renderer would read as markup where it
/// stands: a block mark opening a line (heading, quote, list item, rule, setext underline, an ordered item's «1.»),
/// an emphasis or strikethrough delimiter that touches text, a code tick, a link's or image's bracket, a backslash
/// before punctuation, an HTML tag's or an entity's opening, the «://» or the dot of a web address (linkify), and for
/// Web Chat the typographer's patterns. Indentation at a line start (an indented code block) is dropped.
/// </summary>
public static partial class MarkdownText
{
    public static string Escape(string text, MarkdownFlavor flavor = MarkdownFlavor.WebChat) =>
        AppendEscaped(new StringBuilder(text.Length + 8), text, flavor).ToString();

    /// <summary><see cref="Escape"/> written into <paramref name="escaped"/>: a reply is composed in one builder, not
    /// copied from a string per piece.</summary>
    public static StringBuilder AppendEscaped(StringBuilder escaped, ReadOnlySpan<char> text, MarkdownFlavor flavor)
    {
        var lineStart = true;
        var orderedMark = -1;
        for (var i = 0; i < text.Length; i++)
        {
            // Inside a line and past its ordered item's mark, only the characters below can need a backslash: the run
            // before the next of them is copied at once (a quote is mostly letters, and this runs for every reply).
            if (!lineStart && i > orderedMark)
            {
                var plain = text[i..].IndexOfAny(MaybeMarkup);
                if (plain < 0)
                {
                    escaped.Append(text[i..]);
                    break;
                }
                escaped.Append(text.Slice(i, plain));
                i += plain;
            }
            var c = text[i];
            if (c == '\n')
            {
                escaped.Append(c);
                lineStart = true;
                continue;
            }
            if (lineStart)
            {
                if (c is ' ' or '\t') continue;
                orderedMark = OrderedItemMark(text, i);
            }
            if ((lineStart && OpensBlock(text, i)) || i == orderedMark || IsMarkup(text, i, flavor)) escaped.Append('\\');
            escaped.Append(c);
            lineStart = false;
        }
        return escaped;
    }

    /// <summary>Whether the character opening a line makes it a block: a heading («# », not a hashtag), a quote, a list
    /// item («- », «+ », «* »), a rule or setext underline (a line of «-», «=», «*» or «_»), or a code fence.</summary>
    private static bool OpensBlock(ReadOnlySpan<char> text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\n';
        switch (text[i])
        {
            case '>' or '*' or '_' or '~' or '`':
                return true;
            case '#':
                var hashes = i;
                while (hashes < text.Length && text[hashes] == '#') hashes++;
                return hashes - i <= 6 && (hashes == text.Length || IsBlank(text[hashes]));
            case '-' or '+' when IsBlank(next):
                return true;
            case '-' or '=':
                var end = text[i..].IndexOf('\n');
                return text.Slice(i, end < 0 ? text.Length - i : end).Trim(" \t").IndexOfAnyExcept(text[i], ' ', '\t') < 0;
            default:
                return false;
        }
    }

    private static bool IsMarkup(ReadOnlySpan<char> text, int i, MarkdownFlavor flavor)
    {
        var c = text[i];
        var previous = i > 0 ? text[i - 1] : '\0';
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return c switch
        {
            '`' or '[' => true,
            // The text's ends count as touching: a marker or the bold around a short answer may stand right there.
            '*' or '_' => !(i > 0 && i + 1 < text.Length && IsBlank(previous) && IsBlank(next)),
            '~' => previous == '~' || next == '~',
            // «!» before a [n] marker that follows would open an image.
            '!' => i + 1 == text.Length || (flavor == MarkdownFlavor.WebChat && InTypographerRun(text, i)),
            '\\' => i + 1 == text.Length || next == '\n' || IsAsciiPunctuation(next),
            '<' => char.IsAsciiLetter(next) || next is '/' or '!' or '?',
            '&' => Entity().IsMatch(text[i..]),
            // A marker's text may follow: «[1](…)» would be a link, «[1]: …» a reference definition.
            '(' when i == 0 => true,
            ':' => i == 0 || text[(i + 1)..].StartsWith("//"),
            // A domain's dot (linkify reads «evil.example» as a link); not a sentence's full stop or a decimal point.
            '.' when char.IsAsciiLetterOrDigit(previous) && char.IsAsciiLetter(next) => true,
            _ => flavor == MarkdownFlavor.WebChat && IsTypographerPattern(text, i),
        };
    }

    /// <summary>markdown-it's typographer: straight quotes, «..», «--», «,,», «+-», «(c)», «(r)», «(tm)», «(p)», and
    /// runs of four or more «?» and «!».</summary>
    private static bool IsTypographerPattern(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        var previous = i > 0 ? text[i - 1] : '\0';
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return c switch
        {
            '"' or '\'' => true,
            '.' or '-' or ',' => previous == c || next == c,
            '+' => next == '-',
            '(' => Symbol().IsMatch(text[i..]),
            '?' => InTypographerRun(text, i),
            _ => false,
        };
    }

    /// <summary>Whether the «?»/«!» at <paramref name="i"/> is in a run of four or more (markdown-it keeps three).</summary>
    private static bool InTypographerRun(ReadOnlySpan<char> text, int i)
    {
        int start = i, end = i + 1;
        while (start > 0 && text[start - 1] is '?' or '!') start--;
        while (end < text.Length && text[end] is '?' or '!') end++;
        return end - start >= 4;
    }

    /// <summary>The index of the «.» or «)» of an ordered list item opening the line at <paramref name="start"/>
    /// («1. …», «12) …»), or -1.</summary>
    private static int OrderedItemMark(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && i - start < 10 && char.IsAsciiDigit(text[i])) i++;
        if (i == start || i >= text.Length || text[i] is not ('.' or ')')) return -1;
        return i + 1 == text.Length || text[i + 1] is ' ' or '\t' or '\n' ? i : -1;
    }

    /// <summary>Every character <see cref="IsMarkup"/> may escape in either flavour, and the line break.</summary>
    private static readonly SearchValues<char> MaybeMarkup = SearchValues.Create("\n`[*_~!\\<&(:.\"',-+?");

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\n';

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    [GeneratedRegex(@"^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^\((?:c|r|tm|p)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Symbol();
}
