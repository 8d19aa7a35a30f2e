namespace Assistant.Analysis;

/// <summary>
/// Whether a set holds any of a word's terms, as a loop: the short answer and the span selection ask it for every word
/// of every quote and span a question weighs, where <c>terms.Any(set.Contains)</c> makes a new delegate on each call
/// (a few per cent of what a request allocates).
/// </summary>
internal static class TermSets
{
    public static bool ContainsAnyOf(this IReadOnlySet<string> set, ReadOnlySpan<string> terms)
    {
        foreach (var term in terms)
        {
            if (set.Contains(term)) return true;
        }
        return false;
    }

    /// <summary>The same by number (<see cref="TermIds"/>): a word's term numbers against a set of the question's.</summary>
    public static bool ContainsAnyOf(this HashSet<int> set, int[] ids)
    {
        foreach (var id in ids)
        {
            if (set.Contains(id)) return true;
        }
        return false;
    }

    /// <summary>The same for a question word's terms (a list, indexed rather than enumerated: no boxed enumerator).</summary>
    public static bool ContainsAnyOf(this IReadOnlySet<string> set, IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (set.Contains(terms[i])) return true;
        }
        return false;
    }
}
