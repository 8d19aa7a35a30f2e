using System.Text;

namespace Assistant.Documents.Readers;

/// <summary>
/// The clean-up every extracting reader (PDF, Word, HTML) applies to its output, so that citations quote what a reader
/// sees and the analyser matches what it knows:
/// <list type="bullet">
/// <item>bidi control characters (U+061C, U+200E/F, U+202A–E, U+2066–9) removed: the text is in logical order already;</item>
/// <item>Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFC) folded to base letters by NFKC, on those characters only
/// («ﻻ» → «لا», «ﺑ» → «ب»); the byte-order mark U+FEFF removed;</item>
/// <item>CR LF and CR become LF; spaces at line ends are dropped; more than one blank line becomes one.</item>
/// </list>
/// </summary>
public static class ExtractedText
{
    public static string Clean(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (IsBidiControl(c) || c == '\uFEFF') continue;
            if (IsPresentationForm(c)) folded.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            else folded.Append(c);
        }
        var lines = folded.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new StringBuilder(folded.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (result.Length > 0) result.Append(blank > 0 ? "\n\n" : "\n");
            result.Append(line);
            blank = 0;
        }
        return result.ToString();
    }

    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool IsPresentationForm(char c) => c is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC');

    /// <summary>The first non-empty line, trimmed: the title when the format names none.</summary>
    public static string FirstLine(string text) => DocumentLoader.TitleOf(text);
}
