using Assistant.Documents.Readers;
using Assistant.Tests.Support;

namespace Assistant.Tests.Documents;

/// <summary>
/// The files under fixtures/, written by LibreOffice from the seeds (fixtures/make-fixtures.py regenerates them), and
/// the word-level comparison of an extracted text with the seed it was made from.
/// </summary>
internal static class DocumentFixtures
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "Assistant.Tests", "Documents", "fixtures");

    public static string File(string relativePath) => Path.Combine(Folder, relativePath);

    public static IEnumerable<string> SeedIds => Directory.GetFiles(TestPaths.Seeds, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static string SeedText(string seedId) => System.IO.File.ReadAllText(Path.Combine(TestPaths.Seeds, seedId + ".txt"));

    public static ExtractedDocument Read(IDocumentReader reader, string relativePath) => reader.Read(System.IO.File.ReadAllBytes(File(relativePath)));

    /// <summary>
    /// The share of the seed's words (split at white space) that the extracted text has in the same order: the length
    /// of the longest common subsequence of the two word sequences over the seed's word count. A split word, two glued
    /// words, a reversed number or a dropped line each cost words.
    /// </summary>
    public static double WordAgreement(string seed, string extracted)
    {
        var a = seed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var b = extracted.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var word in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = word == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }
            (previous, current) = (current, previous);
        }
        return (double)previous[b.Length] / a.Length;
    }

    /// <summary>Bidi controls and presentation-form letters, none of which an extracted text may keep.</summary>
    public static IEnumerable<char> ForbiddenCharacters(string text) =>
        text.Where(c => ExtractedText.IsBidiControl(c) || c is >= '\uFB50' and <= '\uFEFF').Distinct();
}
