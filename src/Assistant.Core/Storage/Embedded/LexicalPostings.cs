using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneTermStatistics = Lucene.Net.Search.TermStatistics;

namespace Assistant.Storage.Embedded;

/// <summary>
/// The BM25 side of a generation as an inverted index on disk, read in place: for every term (sorted by UTF-8 bytes, as
/// Lucene orders them), the passages containing it and the score Lucene's <see cref="BM25Similarity"/> gives the term in
/// each, computed once from a Lucene index when the generation is written. A question scores the sum over its distinct
/// terms (BM25 has no coordination factor and a query norm of 1, so that is what a disjunction of term queries scores):
/// a binary search of the lexicon per term, then a walk over its postings, with nothing loaded at open.
/// </summary>
internal sealed class LexicalPostings
{
    /// <param name="TermOffset">Byte offset of the term in <c>lexicon.utf8</c>.</param>
    /// <param name="PostingsOffset">Index of the term's first <see cref="Posting"/> in <c>postings.bin</c>.</param>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct LexiconEntry(long TermOffset, int TermLength, int Frequency, long PostingsOffset);

    /// <param name="Ordinal">A passage ordinal (position in the generation's passage list) containing the term.</param>
    /// <param name="Score">The term's BM25 score in that passage.</param>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Posting(int Ordinal, float Score);

    /// <summary>One Lucene segment while converting: its term dictionary, passage ordinals and a reusable postings enumerator.</summary>
    private sealed record Segment(AtomicReaderContext Context, TermsEnum? Terms, NumericDocValues? Ordinals)
    {
        public DocsEnum? Docs { get; set; }
    }

    private readonly MappedFile _lexicon;
    private readonly MappedFile _terms;
    private readonly MappedFile _postings;
    private readonly int _termCount;

    private LexicalPostings(MappedFile lexicon, MappedFile terms, MappedFile postings, int passageCount)
    {
        _lexicon = lexicon;
        _terms = terms;
        _postings = postings;
        _termCount = (int)lexicon.Count<LexiconEntry>();
        PassageCount = passageCount;
    }

    /// <summary>How many passages the index holds; ordinals run from 0 to one less.</summary>
    public int PassageCount { get; }

    /// <summary>How many distinct terms the index holds.</summary>
    public int TermCount => _termCount;

    /// <summary>Maps a generation's postings files, checking that they fit together (their content is covered by the checksums).</summary>
    public static LexicalPostings Open(string folder, string generation, int passageCount)
    {
        var lexicon = MappedFile.Open(Path.Combine(folder, IndexFiles.LexiconFile));
        var terms = MappedFile.Open(Path.Combine(folder, IndexFiles.LexiconTermsFile));
        var postings = MappedFile.Open(Path.Combine(folder, IndexFiles.PostingsFile));
        var postingsLexicon = new LexicalPostings(lexicon, terms, postings, passageCount);
        if (lexicon.Length % Unsafe.SizeOf<LexiconEntry>() != 0 || postings.Length % Unsafe.SizeOf<Posting>() != 0)
        {
            throw new IndexDamagedException(generation, IndexFiles.LexiconFile, "is not a whole number of entries");
        }
        if (postingsLexicon._termCount > 0)
        {
            var last = postingsLexicon.Entry(postingsLexicon._termCount - 1);
            if (last.PostingsOffset + last.Frequency != postings.Count<Posting>() || last.TermOffset + last.TermLength != terms.Length)
            {
                throw new IndexDamagedException(generation, IndexFiles.LexiconFile, "does not match the postings");
            }
        }
        return postingsLexicon;
    }

    /// <summary>
    /// Writes the postings of every term of <paramref name="termsField"/> into <paramref name="folder"/>, scored as a
    /// <see cref="TermQuery"/> searched with <see cref="BM25Similarity"/> would: the same collection and term statistics,
    /// weight and per-segment scorer. One term at a time, so memory stays that of one term's postings.
    /// </summary>
    /// <param name="ordinalField">Numeric doc-values field holding each Lucene document's passage ordinal.</param>
    public static void Write(IndexReader reader, string termsField, string ordinalField, string folder)
    {
        var similarity = new BM25Similarity();
        var collection = new IndexSearcher(reader) { Similarity = similarity }.CollectionStatistics(termsField);
        var segments = reader.Leaves
            .Select(leaf => new Segment(leaf, leaf.AtomicReader.GetTerms(termsField)?.GetEnumerator(), leaf.AtomicReader.GetNumericDocValues(ordinalField)))
            .ToList();
        using var lexicon = new FileStream(Path.Combine(folder, IndexFiles.LexiconFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var termBytes = new FileStream(Path.Combine(folder, IndexFiles.LexiconTermsFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var postingsFile = new FileStream(Path.Combine(folder, IndexFiles.PostingsFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var postings = new List<Posting>();
        long termOffset = 0, postingsOffset = 0;
        var allTerms = MultiFields.GetTerms(reader, termsField)?.GetEnumerator();
        while (allTerms?.MoveNext() == true)
        {
            // The weight from index-wide statistics, as IndexSearcher builds a TermQuery's (BM25's query norm is 1) …
            var weight = similarity.ComputeWeight(1f, collection, new LuceneTermStatistics(allTerms.Term, allTerms.DocFreq, allTerms.TotalTermFreq));
            weight.Normalize(similarity.QueryNorm(weight.GetValueForNormalization()), 1f);
            postings.Clear();
            // … and each segment's postings scored with that segment's norms.
            foreach (var segment in segments)
            {
                if (segment.Terms?.SeekExact(allTerms.Term) != true) continue;
                var docOrdinals = segment.Ordinals ?? throw new InvalidDataException($"The lexical index has no '{ordinalField}' values.");
                var scorer = similarity.GetSimScorer(weight, segment.Context);
                var docs = segment.Docs = segment.Terms.Docs(segment.Context.AtomicReader.LiveDocs, segment.Docs, DocsFlags.FREQS);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    postings.Add(new Posting((int)docOrdinals.Get(doc), scorer.Score(doc, docs.Freq)));
                }
            }
            // A term whose passages are all deleted is not in the index.
            if (postings.Count == 0) continue;
            var term = allTerms.Term;
            termBytes.Write(term.Bytes, term.Offset, term.Length);
            var entry = new LexiconEntry(termOffset, term.Length, postings.Count, postingsOffset);
            lexicon.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<LexiconEntry>(in entry)));
            postingsFile.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(postings)));
            termOffset += term.Length;
            postingsOffset += postings.Count;
        }
        foreach (var stream in new[] { lexicon, termBytes, postingsFile }) stream.Flush(flushToDisk: true);
    }

    /// <summary>How many passages contain <paramref name="term"/>; 0 for a term the index does not have.</summary>
    public int DocumentFrequency(string term) => Find(term) is var i and >= 0 ? Entry(i).Frequency : 0;

    /// <summary>Passage ordinals of the best <paramref name="pool"/> passages for the terms, best first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<int> Search(IReadOnlyList<string> terms, int pool)
    {
        var totals = ArrayPool<float>.Shared.Rent(PassageCount);
        Array.Clear(totals, 0, PassageCount); // pooled arrays come back as their last user left them
        var touched = new List<int>(Math.Min(PassageCount, TouchedCapacity));
        try
        {
            for (var t = 0; t < terms.Count; t++)
            {
                // A term the query has twice counts once, at its first place (the order the scores are summed in).
                var term = terms[t];
                if (SaidBefore(terms, t) || Find(term) is not (var index and >= 0)) continue;
                var entry = Entry(index);
                foreach (var posting in _postings.Read<Posting>(entry.PostingsOffset, entry.Frequency))
                {
                    if (totals[posting.Ordinal] == 0) touched.Add(posting.Ordinal);
                    totals[posting.Ordinal] += posting.Score;
                }
            }
            // Best `pool` by score, ties to the earlier passage, as Lucene's collector orders them.
            var best = new PriorityQueue<int, (float Score, int Negated)>(pool + 1);
            foreach (var ordinal in touched)
            {
                var key = (totals[ordinal], -ordinal);
                if (best.Count < pool) best.Enqueue(ordinal, key);
                else if (best.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0) best.EnqueueDequeue(ordinal, key);
            }
            var ranked = new List<int>(best.Count);
            while (best.TryDequeue(out var ordinal, out _)) ranked.Add(ordinal);
            ranked.Reverse();
            return ranked;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(totals);
        }
    }

    /// <summary>Room for the passages a query's terms touch, before it grows: a question on a small collection touches a few dozen.</summary>
    private const int TouchedCapacity = 256;

    /// <summary>Whether the term at <paramref name="at"/> came earlier in the query: a loop over a few terms, not a set per search.</summary>
    private static bool SaidBefore(IReadOnlyList<string> terms, int at)
    {
        for (var i = 0; i < at; i++)
        {
            if (string.Equals(terms[i], terms[at], StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private LexiconEntry Entry(int index) => _lexicon.Read<LexiconEntry>(index, 1)[0];

    /// <summary>
    /// The lexicon positions of the terms looked up lately (-1 for a term it lacks): a question's terms are looked up
    /// several times (the term statistics of its respelling, its normalisation and its search, then the search itself), and
    /// every question brings back most of the last ones' words. Bounded to <see cref="MaxFoundTerms"/>: when full it starts
    /// again. The lexicon never changes under it (a new generation is a new instance).
    /// </summary>
    private readonly ConcurrentDictionary<string, int> _found = new(StringComparer.Ordinal);

    private const int MaxFoundTerms = 65_536;

    private int _foundAdded;

    /// <summary>The lexicon position of <paramref name="term"/>, or -1.</summary>
    private int Find(string term)
    {
        if (_found.TryGetValue(term, out var index)) return index;
        index = Lookup(term);
        // Counted, not measured: ConcurrentDictionary.Count takes every lock of the table.
        if (Interlocked.Increment(ref _foundAdded) > MaxFoundTerms)
        {
            _found.Clear();
            Interlocked.Exchange(ref _foundAdded, 0);
        }
        _found[term] = index;
        return index;
    }

    /// <summary>The lexicon position of <paramref name="term"/>, or -1: a binary search in UTF-8 byte order, Lucene's term order.</summary>
    private int Lookup(string term)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(term.Length);
        var rented = maxBytes > 256 ? ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[256];
            var key = buffer[..Encoding.UTF8.GetBytes(term, buffer)];
            int low = 0, high = _termCount - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var entry = Entry(middle);
                var order = _terms.Read<byte>(entry.TermOffset, entry.TermLength).SequenceCompareTo(key);
                if (order == 0) return middle;
                if (order < 0) low = middle + 1;
                else high = middle - 1;
            }
            return -1;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
