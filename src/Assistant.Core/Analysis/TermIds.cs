using System.Collections.Concurrent;

namespace Assistant.Analysis;

/// <summary>
/// A number for each analysed term, the same for the life of the process: what is kept per passage (which sentences
/// hold a term, a passage's distinct terms) is keyed by it, so a question's term is found by one string look-up per
/// question and then by integer look-ups in every retrieved passage, instead of hashing the string once per passage.
/// Terms are numbered as passages are analysed (<see cref="Intern"/>), and so are the word forms of cited quotes (the
/// short answer tells the question's words in a quote by them); a question's terms are only looked up
/// (<see cref="Find"/>), so what users type does not grow the table: it holds the distinct terms and forms of the
/// passages analysed since start, at most the collection's vocabulary.
/// </summary>
public static class TermIds
{
    /// <summary>A term no passage analysed so far has: no passage holds it.</summary>
    public const int Unknown = -1;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>The terms by number; replaced by a larger copy when full, so a reader holds a complete array.</summary>
    private static string[] _terms = new string[4_096];

    private static int _count;

    /// <summary>The term's number, numbering it if it has none yet.</summary>
    public static int Intern(string term) => Ids.TryGetValue(term, out var id) ? id : Add(term);

    /// <summary>The term's number, or <see cref="Unknown"/> when no passage analysed so far has it.</summary>
    public static int Find(string term) => Ids.TryGetValue(term, out var id) ? id : Unknown;

    /// <summary>The numbers of the terms some analysed passage has, in order, the unknown ones left out (they match nothing).</summary>
    public static int[] FindAll(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return [];
        // Gathered on the stack and copied once: a list and then its array were two allocations per question word.
        Span<int> found = terms.Count <= MaxStackTerms ? stackalloc int[terms.Count] : new int[terms.Count];
        var count = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var id = Find(terms[i]);
            if (id != Unknown) found[count++] = id;
        }
        return found[..count].ToArray();
    }

    private const int MaxStackTerms = 64;

    /// <summary>The numbers of the terms some analysed passage has, as a set (the unknown ones left out).</summary>
    public static HashSet<int> FindSet(IEnumerable<string> terms)
    {
        var ids = new HashSet<int>();
        foreach (var term in terms)
        {
            if (Find(term) is var id and not Unknown) ids.Add(id);
        }
        return ids;
    }

    /// <summary>The term numbered <paramref name="id"/> (a number <see cref="Intern"/> gave).</summary>
    public static string Term(int id) => Volatile.Read(ref _terms)[id];

    private static int Add(string term)
    {
        lock (Gate)
        {
            if (Ids.TryGetValue(term, out var id)) return id;
            id = _count++;
            if (id == _terms.Length)
            {
                var grown = new string[_terms.Length * 2];
                _terms.CopyTo(grown, 0);
                Volatile.Write(ref _terms, grown);
            }
            _terms[id] = term;
            // Published last: whoever finds the number finds its term.
            Ids[term] = id;
            return id;
        }
    }
}
