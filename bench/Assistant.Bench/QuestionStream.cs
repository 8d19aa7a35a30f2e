using System.Text.RegularExpressions;

namespace Assistant.Bench;

/// <summary>
/// An endless stream of distinct questions made from word windows of the corpus, so every question needs real
/// retrieval and no cache could answer a repeat. Deterministic for a given seed.
/// </summary>
internal sealed partial class QuestionStream(IReadOnlyList<string> documentTexts, int seed)
{
    private static readonly string[] Openings = ["ما", "ماذا قال", "متى", "لماذا", "من", "كيف", "أين ورد"];
    private readonly string[][] _words = documentTexts.Select(t => ArabicWord().Matches(t).Select(m => m.Value).ToArray()).Where(w => w.Length > 8).ToArray();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    public string Next()
    {
        lock (_lock)
        {
            while (true)
            {
                var words = _words[_random.Next(_words.Length)];
                var length = _random.Next(3, 8);
                var start = _random.Next(words.Length - length);
                var question = $"{Openings[_random.Next(Openings.Length)]} {string.Join(' ', words, start, length)}؟";
                if (_seen.Add(question))
                {
                    return question;
                }
            }
        }
    }

    public static QuestionStream FromFolder(string folder, int seed) =>
        new(Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList(), seed);

    [GeneratedRegex(@"[\u0600-\u06FF]{3,}")]
    private static partial Regex ArabicWord();
}
