using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Assistant.Documents.Readers;

/// <summary>
/// A saved web page (.html, .htm) through AngleSharp: only the article is kept. Scripts, styles, navigation, asides,
/// forms and hidden elements are removed everywhere, page headers and footers outside the article too; the article is
/// <c>&lt;main&gt;</c>, else the first <c>&lt;article&gt;</c>, else the element whose paragraphs hold the most text.
/// Block elements become paragraphs, list items and table rows lines (cells separated by « | »), <c>&lt;br&gt;</c> a
/// line break; runs of white space collapse as a browser shows them (not inside <c>&lt;pre&gt;</c>). The title is
/// the article's <c>&lt;h1&gt;</c>, else the page's <c>&lt;title&gt;</c>, else the first line. The character set
/// comes from the byte-order mark or the page's own declaration (AngleSharp decodes the legacy Arabic windows-1256 too).
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    private const string Removed =
        "script, style, noscript, template, nav, aside, form, iframe, svg, button, select, [hidden], [aria-hidden=true], " +
        "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]";

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dl",
        "figure", "figcaption", "address", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "details", "summary",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase) { "li", "tr", "dt", "dd", "caption" };

    private const string TableCellSeparator = " | ";

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    /// <summary>Markup that opens with a doctype or an html element (after an optional BOM and white space).</summary>
    public bool Recognizes(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Encoding.UTF8.Preamble)) head = head[Encoding.UTF8.Preamble.Length..];
        var start = Encoding.ASCII.GetString(head[..Math.Min(head.Length, 256)]).TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    public ExtractedDocument Read(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var page = new HtmlParser().ParseDocument(stream);
        foreach (var element in page.QuerySelectorAll(Removed).ToList()) element.Remove();
        foreach (var element in page.QuerySelectorAll("header, footer").Where(e => e.Closest("main, article") is null).ToList()) element.Remove();
        var article = page.QuerySelector("main") ?? page.QuerySelector("article") ?? DensestBlock(page);
        var writer = new ArticleText();
        if (article is not null) writer.Write(article, preformatted: false);
        var text = ExtractedText.Clean(writer.ToString());
        if (text.Length == 0) throw UnreadableDocumentException.NoText("the page has no article text");
        var title = article?.QuerySelector("h1")?.TextContent ?? page.Title;
        title = string.Join(' ', (title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new ExtractedDocument(text, title.Length > 0 ? title : ExtractedText.FirstLine(text));
    }

    /// <summary>The element whose own paragraphs hold the most text; the body when the page has no paragraphs.</summary>
    private static IElement? DensestBlock(IDocument page)
    {
        var best = page.QuerySelectorAll("p")
            .Where(p => p.ParentElement is not null)
            .GroupBy(p => p.ParentElement!)
            .Select(g => (Element: g.Key, Length: g.Sum(p => p.TextContent.Trim().Length)))
            .OrderByDescending(g => g.Length)
            .FirstOrDefault();
        return best.Length > 0 ? best.Element : page.Body;
    }

    /// <summary>Writes text with pending breaks, so that nested blocks never stack blank lines.</summary>
    private sealed class ArticleText
    {
        private readonly StringBuilder _text = new();
        private string _pendingBreak = "";

        public void Write(INode node, bool preformatted)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        Append(preformatted ? text.Data : Collapse(text.Data));
                        break;
                    case IElement { LocalName: "br" }:
                        Append("\n");
                        break;
                    case IElement { LocalName: "td" or "th" } cell:
                        if (cell.PreviousElementSibling is not null) Append(TableCellSeparator);
                        Write(cell, preformatted);
                        break;
                    case IElement element:
                        var separator = Blocks.Contains(element.LocalName) ? "\n\n" : Lines.Contains(element.LocalName) ? "\n" : "";
                        Break(separator);
                        Write(element, preformatted || element.LocalName == "pre");
                        Break(separator);
                        break;
                }
            }
        }

        private void Break(string separator)
        {
            if (separator.Length > _pendingBreak.Length) _pendingBreak = separator;
        }

        private void Append(string text)
        {
            if (text.Length == 0) return;
            if (_text.Length > 0 && _pendingBreak.Length > 0)
            {
                _text.Append(_pendingBreak);
                text = text.TrimStart(' ');
            }
            _pendingBreak = "";
            if (_text.Length > 0 && _text[^1] is ' ' or '\n' && text.StartsWith(' ')) text = text.TrimStart(' ');
            _text.Append(text);
        }

        private static string Collapse(string text)
        {
            var collapsed = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c) || c == '\u00A0') collapsed.Append(c);
                else if (collapsed.Length == 0 || collapsed[^1] != ' ') collapsed.Append(' ');
            }
            return collapsed.ToString();
        }

        public override string ToString() => _text.ToString();
    }
}
