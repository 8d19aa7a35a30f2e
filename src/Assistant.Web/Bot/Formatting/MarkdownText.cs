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
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + text.Length / 8);
        var lineStart = true;
        foreach (var c in text)
        {
            if (lineStart && c is ' ' or '\t')
            {
                continue;
            }
            lineStart = c == '\n';
            if (char.IsAsciiLetterOrDigit(c) || !char.IsAscii(c) || !char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('\\').Append(c);
            }
        }
        return escaped.ToString();
    }
}
