using Assistant.Chunking;
using Assistant.Configuration;
using Assistant.Documents;
using Assistant.Tests.Support;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Chunking;

public sealed class PassageChunkerTests
{
    private static PassageChunker Chunker(int target = 500, int max = 800, int overlap = 1) =>
        new(Options.Create(new ChunkingOptions { TargetChars = target, MaxChars = max, OverlapSentences = overlap }));

    private static SourceDocument Document(string text, string id = "doc.txt") =>
        new(id, DocumentLoader.TitleOf(text), text, DocumentLoader.HashOf(text));

    /// <summary>The passage invariants: exact slices, every non-blank character covered, no word cut, ordinals in order.</summary>
    private static void AssertInvariants(SourceDocument document, IReadOnlyList<Passage> passages, int max)
    {
        var text = document.Text;
        var covered = new bool[text.Length];
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            Assert.Equal(i, p.Ordinal);
            Assert.Equal(text.Substring(p.Start, p.End - p.Start), p.Text);
            Assert.True(p.End - p.Start <= max, $"passage {i} has {p.End - p.Start} chars");
            Assert.False(char.IsWhiteSpace(text[p.Start]) || char.IsWhiteSpace(text[p.End - 1]));
            if (p.Start > 0) Assert.False(IsWordChar(text[p.Start - 1]) && IsWordChar(text[p.Start]), $"passage {i} starts inside a word");
            if (p.End < text.Length) Assert.False(IsWordChar(text[p.End - 1]) && IsWordChar(text[p.End]), $"passage {i} ends inside a word");
            for (var c = p.Start; c < p.End; c++) covered[c] = true;
        }
        for (var c = 0; c < text.Length; c++)
        {
            Assert.True(covered[c] || char.IsWhiteSpace(text[c]), $"character {c} ('{text[c]}') is in no passage");
        }
        Assert.Equal(passages.Count, passages.Select(p => p.PassageId).Distinct().Count());
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    [Fact]
    public async Task Seed_documents_satisfy_the_passage_invariants()
    {
        var loaded = await new DocumentLoader(Assistant.Documents.Readers.DocumentReaders.Standard(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DocumentLoader>.Instance).LoadAsync(TestPaths.Seeds, TestContext.Current.CancellationToken);
        Assert.Equal(5, loaded.Documents.Count);
        foreach (var document in loaded.Documents)
        {
            var passages = Chunker().Chunk(document);
            Assert.True(passages.Count >= 3, $"{document.DocumentId} gave {passages.Count} passages");
            AssertInvariants(document, passages, 800);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_documents_satisfy_the_passage_invariants(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var text = RandomDocument(random);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var target = random.Next(40, 400);
            var max = target + random.Next(10, 300);
            var document = Document(text);
            AssertInvariants(document, Chunker(target, max, random.Next(0, 3)).Chunk(document), max);
        }
    }

    [Fact]
    public void Passage_ids_are_stable_and_depend_on_document_and_text()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "003_bca4d65306d4d8ae.txt"));
        var first = Chunker().Chunk(Document(text)).Select(p => p.PassageId).ToList();
        var again = Chunker().Chunk(Document(text)).Select(p => p.PassageId).ToList();
        var otherDocument = Chunker().Chunk(Document(text, "other.txt")).Select(p => p.PassageId).ToList();
        Assert.Equal(first, again);
        Assert.Empty(first.Intersect(otherDocument));
        // An edit at the end leaves the earlier passages' ids alone.
        var edited = Chunker().Chunk(Document(text + "\n\nفقرة جديدة في آخر الوثيقة.")).Select(p => p.PassageId).ToList();
        Assert.Equal(first.Take(first.Count - 1), edited.Take(first.Count - 1));
    }

    [Fact]
    public void Sentences_split_on_arabic_punctuation_and_lines_but_not_on_wrapped_lines()
    {
        const string text = "هل انتهى؟ نعم، انتهى؛ ثم بدأ. رقم 2.5 ثابت!\nسطر جديد\nجملة ملتفة في الجمهوري  \nالعربية السورية:\n\n1- بند أول";
        var sentences = SentenceSegmenter.Split(text).Select(s => text[s.Start..s.End]).ToList();
        Assert.Equal(
            ["هل انتهى؟", "نعم، انتهى؛", "ثم بدأ.", "رقم 2.5 ثابت!", "سطر جديد", "جملة ملتفة في الجمهوري  \nالعربية السورية:", "1- بند أول"],
            sentences);
    }

    [Fact]
    public void A_sentence_longer_than_the_maximum_is_split_at_clauses_then_words()
    {
        var longSentence = string.Join("، ", Enumerable.Repeat("كلمة أخرى طويلة نسبيا في جملة ممتدة", 30)) + ".";
        var document = Document(longSentence);
        var passages = Chunker(100, 150, 0).Chunk(document);
        Assert.True(passages.Count > 5);
        AssertInvariants(document, passages, 150);
    }

    private static readonly string[] Words = ["سوريا", "الرئيس", "بوتين", "ترامب", "مجلس", "الأمن", "2254", "G", "20", "قرار", "الأُمَم", "مؤتمر", "جنيف", "x"];
    private static readonly string[] Separators = [" ", " ", " ", "، ", ". ", "؟ ", "؛ ", "!\n", "\n", "\n\n", "  \n", "\u00A0", " 1- ", ".\" ", "\t"];

    private static string RandomDocument(Random random)
    {
        var builder = new System.Text.StringBuilder();
        if (random.Next(4) == 0) builder.Append("\n\n  ");
        var count = random.Next(0, 400);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Words[random.Next(Words.Length)]);
            builder.Append(Separators[random.Next(Separators.Length)]);
        }
        return builder.ToString();
    }
}
