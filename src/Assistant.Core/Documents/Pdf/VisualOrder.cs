namespace Assistant.Documents.Pdf;

/// <summary>
/// Turns one right-to-left line as a PDF draws it (glyphs left to right on the page, i.e. visual order) back into
/// reading order: the whole line is reversed, then every left-to-right run inside it is reversed again, as the
/// Unicode bidi algorithm laid it out. A run is Latin text (with the spaces, punctuation and numbers between its
/// letters: «G 20») or a number with its separators («2017», «21-22», «4/5», «50%»). So the visual
/// «2017 ،رب مفون/ينا ثلا نيرشت 11» reads «11 تشرين الثاني/نوفمبر، 2017».
/// </summary>
public static class VisualOrder
{
    public static bool IsRightToLeft(string line)
    {
        int rtl = 0, ltr = 0;
        foreach (var c in line)
        {
            if (IsStrongRtl(c)) rtl++;
            else if (IsStrongLtr(c)) ltr++;
        }
        return rtl > 0 && rtl >= ltr;
    }

    public static string ToLogical(string visual)
    {
        if (!IsRightToLeft(visual)) return visual;
        var chars = visual.ToCharArray();
        Array.Reverse(chars);
        var i = 0;
        while (i < chars.Length)
        {
            var end = -1;
            if (IsStrongLtr(chars[i]) || IsDigit(chars[i]) && ContainsLatin(chars, i))
            {
                end = LatinRunEnd(chars, i);
            }
            else if (IsDigit(chars[i]) || IsNumberAffix(chars[i]) && i + 1 < chars.Length && IsDigit(chars[i + 1]) && !AfterArabic(chars, i))
            {
                end = NumberRunEnd(chars, i, AfterArabic(chars, i));
            }
            if (end < 0)
            {
                i++;
                continue;
            }
            Array.Reverse(chars, i, end - i + 1);
            i = end + 1;
        }
        KeepSurrogatePairs(chars);
        return new string(chars);
    }

    /// <summary>
    /// Whether Latin letters come before the next right-to-left letter. Then the whole stretch is one left-to-right run:
    /// a number after a Latin word takes its direction («G 20», «F-16»), which is by far the commoner reading.
    /// </summary>
    private static bool ContainsLatin(char[] chars, int start)
    {
        for (var j = start; j < chars.Length && !IsStrongRtl(chars[j]); j++)
        {
            if (IsStrongLtr(chars[j])) return true;
        }
        return false;
    }

    /// <summary>Latin letters and whatever lies between them, up to the last Latin letter or digit before right-to-left text.</summary>
    private static int LatinRunEnd(char[] chars, int start)
    {
        var end = start;
        for (var j = start + 1; j < chars.Length && !IsStrongRtl(chars[j]); j++)
        {
            if (IsStrongLtr(chars[j]) || IsDigit(chars[j])) end = j;
        }
        return end;
    }

    /// <summary>Whether an Arabic letter precedes the number in the line (the bidi algorithm then makes it an Arabic number).</summary>
    private static bool AfterArabic(char[] chars, int start)
    {
        for (var j = start - 1; j >= 0; j--)
        {
            if (IsStrongRtl(chars[j])) return true;
            if (IsStrongLtr(chars[j])) return false;
        }
        return false;
    }

    /// <summary>
    /// Digits with single separators between them («2,254», «4/5», «12:30») and, unless an Arabic letter precedes the
    /// number, a plus or minus between them and a percent or currency sign beside them («21-22», «50%»). After an Arabic
    /// letter, «29-30» is laid out as two numbers, right to left, and «%» stands apart.
    /// </summary>
    private static int NumberRunEnd(char[] chars, int start, bool afterArabic)
    {
        var end = start;
        var j = start + 1;
        while (j < chars.Length)
        {
            if (IsDigit(chars[j]) || !afterArabic && IsNumberAffix(chars[j])) end = j;
            else if (IsNumberSeparator(chars[j], afterArabic) && j + 1 < chars.Length && IsDigit(chars[j + 1])) end = ++j;
            else break;
            j++;
        }
        return end;
    }

    /// <summary>Reversal swapped the halves of characters outside the BMP; put them back.</summary>
    private static void KeepSurrogatePairs(char[] chars)
    {
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            if (char.IsLowSurrogate(chars[i]) && char.IsHighSurrogate(chars[i + 1]))
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                i++;
            }
        }
    }

    public static bool IsStrongRtl(char c) =>
        c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC')
        && !IsDigit(c) && !char.IsWhiteSpace(c);

    public static bool IsStrongLtr(char c) => char.IsLetter(c) && !IsStrongRtl(c);

    /// <summary>European and Arabic-Indic digits: both are laid out left to right inside Arabic text.</summary>
    private static bool IsDigit(char c) => char.IsDigit(c);

    /// <summary>Common separators join any numbers; the European separators + and - only European ones.</summary>
    private static bool IsNumberSeparator(char c, bool afterArabic) =>
        c is ',' or '.' or '/' or ':' or '\u066B' or '\u066C' || !afterArabic && c is '-' or '+';

    private static bool IsNumberAffix(char c) => c is '%' or '\u066A' or '$' or '€' or '£' or '°';
}
