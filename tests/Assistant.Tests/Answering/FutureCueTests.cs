using Assistant.Analysis;
using Assistant.Answering;
using Assistant.Tests.Support;

namespace Assistant.Tests.Answering;

/// <summary>
/// <see cref="AnswerCues.SpeakOfTense"/> looks the words up in its own pass: it must say what the cues
/// <see cref="AnswerCues.Find"/> gives say, on every question of the gold sets and every line of the seeds.
/// </summary>
public sealed class FutureCueTests
{
    private static readonly ArabicTextAnalyzer Analyzer = new();

    private static bool FutureCue(string text) => AnswerCues.Find(text, 0, text.Length, Analyzer).Any(cue => cue.Kinds.HasFlag(CueKinds.Future));

    [Theory]
    [InlineData("متى ستعقد الجولة المقبلة من المحادثات؟", true)]
    [InlineData("أين سيلتقي الرئيسان؟", true)]
    [InlineData("متى يعقد الاجتماع التالي؟", true)]
    [InlineData("متى عقدت الجولة الثامنة؟", false)]
    [InlineData("عقد الاجتماع في 8 تشرين الثاني 2017", false)]
    public void A_future_or_next_word_makes_a_text_speak_of_the_future(string text, bool future)
    {
        Assert.Equal(future, AnswerCues.SpeakOfTense(text, Analyzer).Future);
        Assert.Equal(future, FutureCue(text));
    }

    [Fact]
    public void It_agrees_with_the_cues_on_every_gold_question_and_seed_line()
    {
        var texts = Directory.EnumerateFiles(Path.GetDirectoryName(TestPaths.SampleGold)!, "*gold*.jsonl")
            .SelectMany(file => GoldSet.Load(file).Select(q => q.Question))
            .Concat(Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").SelectMany(File.ReadLines))
            .ToList();
        Assert.True(texts.Count > 1000);
        Assert.Contains(texts, FutureCue);
        Assert.All(texts, text => Assert.Equal(FutureCue(text), AnswerCues.SpeakOfTense(text, Analyzer).Future));
    }
}
