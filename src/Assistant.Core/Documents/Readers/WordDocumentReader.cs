using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Documents.Readers;

/// <summary>
/// Word (.docx) through the Open XML SDK: body paragraphs in order, each table row as one line (cells separated by
/// « | »), footnotes after the body (numbered «(1)» where they are referenced and where they are listed). Word stores
/// right-to-left runs in reading order already, so their text is taken as it is. The title is the first heading (a
/// «Title» or «Heading n» style, or an outline level), else the core properties' title, else the first line.
/// </summary>
public sealed class WordDocumentReader : IDocumentReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>A password-protected Office file is an OLE compound file holding an «EncryptedPackage» stream.</summary>
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    private const string TableCellSeparator = " | ";

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    /// <summary>A zip whose first entries name the Word part (Word and LibreOffice both write them at the start).</summary>
    public bool Recognizes(ReadOnlySpan<byte> head) => head.StartsWith(ZipSignature) && head.IndexOf("word/"u8) >= 0;

    public ExtractedDocument Read(byte[] content)
    {
        if (content.AsSpan().StartsWith(CompoundFileSignature))
        {
            throw content.AsSpan().IndexOf(EncryptedPackage) >= 0
                ? UnreadableDocumentException.Encrypted()
                : new UnreadableDocumentException(SkipReason.UnsupportedType, "unsupported type (a Word 97–2003 file named .docx; save it as .docx)");
        }
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            return Extract(document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw UnreadableDocumentException.Damaged(e.Message);
        }
    }

    private static ExtractedDocument Extract(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart ?? throw UnreadableDocumentException.Damaged("no main document part");
        var body = main.Document?.Body ?? throw UnreadableDocumentException.Damaged("no document body");
        var headingStyles = HeadingStyles(main);
        var footnotes = new Footnotes(main.FootnotesPart);
        var blocks = new List<string>();
        string? firstHeading = null;
        foreach (var (text, heading) in Blocks(body, headingStyles, footnotes))
        {
            if (text.Trim().Length == 0) continue;
            blocks.Add(text);
            if (heading) firstHeading ??= text.Trim();
        }
        blocks.AddRange(footnotes.Listed());
        var extracted = ExtractedText.Clean(string.Join("\n\n", blocks));
        if (extracted.Length == 0) throw UnreadableDocumentException.NoText("the document has no text");
        var title = firstHeading ?? document.PackageProperties.Title?.Trim();
        return new ExtractedDocument(extracted, string.IsNullOrEmpty(title) ? ExtractedText.FirstLine(extracted) : title);
    }

    /// <summary>Paragraphs and tables in document order, looking inside content controls.</summary>
    private static IEnumerable<(string Text, bool Heading)> Blocks(OpenXmlElement container, HashSet<string> headingStyles, Footnotes footnotes)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    yield return (TextOf(paragraph, footnotes), IsHeading(paragraph, headingStyles));
                    break;
                case Table table:
                    yield return (string.Join("\n", table.Elements<TableRow>().Select(row => RowText(row, footnotes))), false);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                    foreach (var block in Blocks(sdtContent, headingStyles, footnotes)) yield return block;
                    break;
            }
        }
    }

    private static string RowText(TableRow row, Footnotes footnotes) => string.Join(TableCellSeparator,
        row.Elements<TableCell>().Select(cell => string.Join(" ", cell.Elements<Paragraph>().Select(p => TextOf(p, footnotes).Trim()).Where(t => t.Length > 0))));

    private static string TextOf(OpenXmlElement paragraph, Footnotes? footnotes)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append('\t'); break;
                case Break or CarriageReturn: text.Append('\n'); break;
                case NoBreakHyphen: text.Append('-'); break;
                case FootnoteReference reference when footnotes is not null && reference.Id?.Value is long id:
                    text.Append(footnotes.Reference(id));
                    break;
            }
        }
        return text.ToString();
    }

    private static bool IsHeading(Paragraph paragraph, HashSet<string> headingStyles)
    {
        var properties = paragraph.ParagraphProperties;
        return IsOutlineLevel(properties?.OutlineLevel)
            || properties?.ParagraphStyleId?.Val?.Value is string style && headingStyles.Contains(style);
    }

    /// <summary>Outline levels 0–8 are heading levels; 9 is Word's «body text».</summary>
    private static bool IsOutlineLevel(OutlineLevel? level) => level?.Val?.Value is < 9;

    /// <summary>Ids of the paragraph styles named «Title» or «heading n», or carrying an outline level.</summary>
    private static HashSet<string> HeadingStyles(MainDocumentPart main)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var name = style.StyleName?.Val?.Value ?? "";
            if (style.StyleId?.Value is string id
                && (name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) || name.Equals("Title", StringComparison.OrdinalIgnoreCase)
                    || IsOutlineLevel(style.StyleParagraphProperties?.OutlineLevel)))
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>Footnotes numbered in the order the body refers to them, listed after the body.</summary>
    private sealed class Footnotes(FootnotesPart? part)
    {
        private readonly List<(int Number, long Id)> _referenced = [];

        public string Reference(long id)
        {
            var number = _referenced.Count + 1;
            _referenced.Add((number, id));
            return $"({number})";
        }

        public IEnumerable<string> Listed()
        {
            var notes = part?.Footnotes?.Elements<Footnote>().Where(f => f.Id?.Value is not null).ToDictionary(f => f.Id!.Value) ?? [];
            foreach (var (number, id) in _referenced)
            {
                if (!notes.TryGetValue(id, out var note)) continue;
                var text = string.Join(" ", note.Elements<Paragraph>().Select(p => TextOf(p, null).Trim()).Where(t => t.Length > 0));
                if (text.Length > 0) yield return $"({number}) {text}";
            }
        }
    }
}
