using System.Buffers;
using System.Text;

namespace Assistant.Web.Bot.Formatting;

/// <summary>
/// Makes text from a document inert in a Markdown reply, so it shows verbatim and nothing in a document can become a link,
/// an image, HTML or formatting: every ASCII punctuation character (the ones CommonMark lets a backslash escape, which
/// covers emphasis, code, links, images, headings, lists, quotes, tables, HTML, entities, and the typographer's and
/// linkifier's patterns) gets a backslash, and indentation at a line start (an indented code block) is dropped.
/// </summary>
public static class MarkdownText
{
    /// <summary>The ASCII punctuation and symbols, and the line break after which indentation is dropped.</summary>
    private static readonly SearchValues<char> Marked = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => char.IsPunctuation(c) || char.IsSymbol(c)), '\n']);

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + text.Length / 8);
        var rest = text.AsSpan();
        // Copied a run at a time up to the next character to escape or line break: Arabic text has few of either.
        while (true)
        {
            rest = rest.TrimStart(" \t");
            while (true)
            {
                var at = rest.IndexOfAny(Marked);
                if (at < 0) return escaped.Append(rest).ToString();
                escaped.Append(rest[..at]);
                var c = rest[at];
                rest = rest[(at + 1)..];
                if (c == '\n')
                {
                    escaped.Append(c);
                    break;
                }
                escaped.Append('\\').Append(c);
            }
        }
    }
}
