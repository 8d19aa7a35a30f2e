using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Assistant.Documents.Readers;

/// <summary>
/// Markdown (.md) through Markdig (CommonMark, with pipe tables, strikethrough and YAML front matter): the text a
/// reader sees, so quotes and short answers never carry markup («**وزارة المياه**» is «وزارة المياه»).
/// <list type="bullet">
/// <item>Emphasis, strikethrough and code ticks go; a link or image keeps its text, never its address; an autolink is
/// its address; entities and backslash escapes become the characters they stand for; HTML tags and comments go.</item>
/// <item>Headings, paragraphs, code blocks and quotes (without their «#», «>» and fences) are paragraphs; a list
/// item is a line, without its «-» or «1.»; a table row is a line, cells separated by « | » as in Word files; rules,
/// link definitions and front matter go.</item>
/// <item>A paragraph keeps its line breaks (the chunker and the document page see the lines the file has).</item>
/// </list>
/// The text is then cleaned like every extracted text (<see cref="ExtractedText"/>). The title is the first heading
/// when the document opens with one, else the first line.
/// </summary>
public sealed class MarkdownDocumentReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseYamlFrontMatter()
        .Build();

    private const string TableCellSeparator = " | ";

    public IReadOnlyCollection<string> Extensions { get; } = [".md"];

    /// <summary>Markdown has no signature; it is chosen by extension only.</summary>
    public bool Recognizes(ReadOnlySpan<byte> head) => false;

    public ExtractedDocument Read(byte[] content)
    {
        var markdown = PlainTextReader.DecodeUtf8(content);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var writer = new PlainText();
        writer.Blocks(document, lines: false);
        var text = ExtractedText.Clean(writer.ToString());
        if (text.Length == 0) throw new UnreadableDocumentException(SkipReason.NoText, "empty");
        var title = document.FirstOrDefault(b => b is not LinkReferenceDefinitionGroup and not BlankLineBlock and not YamlFrontMatterBlock)
            is HeadingBlock { Inline: { } heading }
            ? ExtractedText.Clean(PlainText.Inlines(heading)).Replace('\n', ' ')
            : "";
        return new ExtractedDocument(text, title.Length > 0 ? title : FirstLine(text));
    }

    private static string FirstLine(string text) => text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";

    /// <summary>Writes blocks as paragraphs with a blank line between them, and the items of a tight list and the rows of
    /// a table as lines.</summary>
    private sealed class PlainText
    {
        private readonly StringBuilder _text = new();
        private bool _previousIsLine;

        public void Blocks(ContainerBlock container, bool lines)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case ListBlock list:
                        _previousIsLine = false;
                        Blocks(list, lines: list.IsLoose is false);
                        break;
                    case Table table:
                        _previousIsLine = false;
                        foreach (var row in table.OfType<TableRow>())
                        {
                            Paragraph(string.Join(TableCellSeparator, row.OfType<TableCell>().Select(CellText)), line: true);
                        }
                        break;
                    case ContainerBlock children:
                        // Quotes and list items: their text is the reader's.
                        Blocks(children, lines);
                        break;
                    case CodeBlock code when code is not YamlFrontMatterBlock:
                        Paragraph(code.Lines.ToString(), lines);
                        break;
                    case LeafBlock { Inline: { } inline }:
                        Paragraph(Inlines(inline), lines);
                        break;
                }
            }
        }

        private void Paragraph(string text, bool line)
        {
            if (text.Trim().Length == 0) return;
            if (_text.Length > 0) _text.Append(line && _previousIsLine ? "\n" : "\n\n");
            _text.Append(text);
            _previousIsLine = line;
        }

        private static string CellText(TableCell cell)
        {
            var text = new PlainText();
            text.Blocks(cell, lines: true);
            return text.ToString().Replace('\n', ' ');
        }

        public static string Inlines(ContainerInline container)
        {
            var text = new StringBuilder();
            Append(container, text);
            return text.ToString();
        }

        private static void Append(ContainerInline container, StringBuilder text)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.AsSpan());
                        break;
                    case AutolinkInline autolink:
                        text.Append(autolink.Url);
                        break;
                    case LineBreakInline:
                        text.Append('\n');
                        break;
                    case ContainerInline children:
                        // Emphasis, links and images (their text or alt text), and delimiters Markdig left unmatched.
                        Append(children, text);
                        break;
                }
            }
        }

        public override string ToString() => _text.ToString();
    }
}
