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

    /// <summary>
    /// An opening word and two word windows from random places of the corpus: the space of questions is so large that
    /// drawing until an unseen one comes up stays cheap for millions of questions, even on the five seed documents.
    /// </summary>
    public string Next()
    {
        lock (_lock)
        {
            while (true)
            {
                var question = $"{Openings[_random.Next(Openings.Length)]} {Window(2, 6)} و{Window(2, 4)}؟";
                if (_seen.Add(question))
                {
                    return question;
                }
            }
        }
    }

    private string Window(int minWords, int maxWords)
    {
        var words = _words[_random.Next(_words.Length)];
        var length = _random.Next(minWords, maxWords);
        return string.Join(' ', words, _random.Next(words.Length - length), length);
    }

    public static QuestionStream FromFolder(string folder, int seed) =>
        new(Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList(), seed);

    [GeneratedRegex(@"[\u0600-\u06FF]{3,}")]
    private static partial Regex ArabicWord();
}
