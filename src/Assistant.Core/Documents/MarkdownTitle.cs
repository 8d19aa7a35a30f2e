using System.Text.RegularExpressions;

namespace Assistant.Documents;

/// <summary>
/// A title line without Markdown's markup: a heading's «#» marks, a quote's «>», emphasis («**», «__», «*», «`», «~~»)
/// and a link's or image's brackets and address (its text is kept): the title of a text file written in Markdown. Only
/// the title is made plain; a .txt file's stored text is the file as it is (a .md file is read as Markdown:
/// <see cref="Readers.MarkdownDocumentReader"/>).
/// </summary>
public static partial class MarkdownTitle
{
    public static string Plain(string line)
    {
        var plain = line.Trim();
        if (plain.Length == 0 || plain.IndexOfAny(['#', '>', '*', '_', '`', '~', '[']) < 0) return plain;
        plain = Heading().Replace(plain, "");
        plain = Link().Replace(plain, "$1");
        plain = Emphasis().Replace(plain, "");
        return Spaces().Replace(plain, " ").Trim();
    }

    /// <summary>«# …», «## … ##», «> …» at the line's ends.</summary>
    [GeneratedRegex(@"^(?:>\s*)*#{1,6}(?:\s+|$)|^(?:>\s*)+|\s+#+$")]
    private static partial Regex Heading();

    /// <summary>«[text](address)» and «![text](address)»: the text.</summary>
    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*+|__+|`+|~~")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
