using Lucene.Net.Util.Automaton;

namespace Assistant.Analysis;

/// <summary>
/// Terms one typing slip away from a word (a letter added, left out or mistyped: «تيلرسن» for «تيلرسون»), matched with
/// Lucene's Levenshtein automaton. Only stems of <see cref="MinLength"/> letters or more are matched this way: in a
/// shorter one a letter is too large a share, and «قال» would meet «قام». A name that drops a long vowel has a short
/// stem («تلرس» of «تلرسون»), still one slip from the named one's («تيلرس»).
/// </summary>
public static class NearSpellings
{
    /// <summary>The shortest term matched within one edit.</summary>
    public const int MinLength = 4;

    /// <summary>A test for terms within one edit of <paramref name="term"/>; null when the term is too short to match so.</summary>
    public static Func<string, bool>? Of(string term)
    {
        if (term.Length < MinLength) return null;
        var automaton = new CharacterRunAutomaton(new LevenshteinAutomata(term, withTranspositions: true).ToAutomaton(1));
        return candidate => candidate.Length >= MinLength && automaton.Run(candidate);
    }
}
