using System.Text;

namespace Assistant.Documents.Readers;

/// <summary>
/// The clean-up every extracting reader (PDF, Word, HTML) applies to its output, so that citations quote what a reader
/// sees and the analyser matches what it knows:
/// <list type="bullet">
/// <item>bidi control characters (U+061C, U+200E/F, U+202A–E, U+2066–9) removed: the text is in logical order already;</item>
/// <item>Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFC) folded to base letters by NFKC, on those characters only
/// («ﻻ» → «لا», «ﺑ» → «ب»), from a table of the Unicode data (arabic-presentation-forms.tsv, written by
/// make-presentation-forms.py: with invariant globalization .NET does not normalise non-ASCII text); the byte-order
/// mark U+FEFF removed;</item>
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
            if (PresentationForms.Value.TryGetValue(c, out var letters)) folded.Append(letters);
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

    private static readonly Lazy<IReadOnlyDictionary<char, string>> PresentationForms = new(LoadPresentationForms);

    private static IReadOnlyDictionary<char, string> LoadPresentationForms()
    {
        using var stream = typeof(ExtractedText).Assembly.GetManifestResourceStream("Assistant.Documents.arabic-presentation-forms.tsv")
            ?? throw new InvalidOperationException("arabic-presentation-forms.tsv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var forms = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var fields = line.Split('\t');
            forms[(char)Convert.ToInt32(fields[0], 16)] = string.Concat(fields[1].Split(' ').Select(code => (char)Convert.ToInt32(code, 16)));
        }
        return forms;
    }

    /// <summary>The first non-empty line, trimmed: the title when the format names none.</summary>
    public static string FirstLine(string text) => DocumentLoader.TitleOf(text);
}
