using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Assistant.Bench;

/// <summary>Writes the corpora the benchmark indexes, under the git-ignored bench/.corpus folder.</summary>
internal static partial class BenchCorpora
{
    /// <summary>
    /// The quran-json npm package (installed by bench/run.sh into bench/node_modules) written out as one document per
    /// chapter: the chapter name as title, then one verse per line. The text is never committed.
    /// </summary>
    public static string WriteQuran(string repo, string target)
    {
        var source = Path.Combine(repo, "bench", "node_modules", "quran-json", "dist", "quran.json");
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"{source} is missing: run `npm ci` in bench/ (bench/run.sh does).");
        }

        Recreate(target);
        foreach (var chapter in JsonNode.Parse(File.ReadAllText(source))!.AsArray())
        {
            var text = new StringBuilder().Append("سورة ").Append((string?)chapter!["name"]).Append('\n');
            foreach (var verse in chapter["verses"]!.AsArray())
            {
                text.Append((string?)verse!["text"]).Append(" (").Append((int?)verse["id"]).Append(")\n");
            }

            File.WriteAllText(Path.Combine(target, $"{(int?)chapter["id"]:000}.txt"), text.ToString());
        }

        return target;
    }

    /// <summary>
    /// <paramref name="factor"/> × a corpus as distinct documents: each copy of each document keeps its title line (with
    /// the copy's number) and its other lines in an order of its own, so no two documents are alike.
    /// </summary>
    public static string WriteShuffledCopies(string source, int factor, string target)
    {
        var files = Directory.EnumerateFiles(source, "*.txt").Order(StringComparer.Ordinal).ToList();
        Recreate(target);
        for (var copy = 0; copy < factor; copy++)
        {
            var random = new Random(copy);
            foreach (var file in files)
            {
                var lines = File.ReadAllLines(file);
                var body = lines.Skip(1).ToArray();
                random.Shuffle(body);
                var text = new StringBuilder().Append(lines[0]).Append(" (").Append(copy + 1).Append(")\n");
                foreach (var line in body)
                {
                    text.Append(line).Append('\n');
                }

                File.WriteAllText(Path.Combine(target, $"c{copy:00}_{Path.GetFileName(file)}"), text.ToString());
            }
        }

        return target;
    }

    /// <summary>
    /// <paramref name="factor"/> × the seed corpus as distinct synthetic documents: each one the size of a seed
    /// document, made of seed sentences drawn in its own order, with its own title.
    /// </summary>
    public static string WriteSynthetic(string seeds, int factor, string target)
    {
        var seedTexts = Directory.EnumerateFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var sentences = seedTexts.SelectMany(t => Sentence().Matches(t).Select(m => m.Value.Trim())).Where(s => s.Length > 20).ToList();
        Recreate(target);
        var random = new Random(factor);
        for (var copy = 0; copy < factor; copy++)
        {
            for (var d = 0; d < seedTexts.Count; d++)
            {
                var text = new StringBuilder().Append($"وثيقة تركيبية رقم {copy}-{d}\n");
                while (text.Length < seedTexts[d].Length)
                {
                    text.Append(sentences[random.Next(sentences.Count)]).Append(random.Next(4) == 0 ? "\n" : " ");
                }

                File.WriteAllText(Path.Combine(target, $"s{copy:000}_{d}.txt"), text.ToString());
            }
        }

        return target;
    }

    /// <summary>A copy of a corpus that the incremental run may change.</summary>
    public static string Copy(string source, string target)
    {
        Recreate(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.txt"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Appends a sentence to every tenth document (at least one), for the incremental indexing run.</summary>
    public static int TouchTenth(string corpus)
    {
        var files = Directory.EnumerateFiles(corpus, "*.txt").Order(StringComparer.Ordinal).ToList();
        var touched = files.Where((_, i) => i % 10 == 0).ToList();
        foreach (var file in touched)
        {
            File.AppendAllText(file, "\nوأضيفت هذه الجملة لقياس الفهرسة التزايدية.\n");
        }

        return touched.Count;
    }

    public static long Characters(string corpus) =>
        Directory.EnumerateFiles(corpus, "*.txt").Sum(f => (long)File.ReadAllText(f).Length);

    private static void Recreate(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    [GeneratedRegex(@"[^.!?؟\n]+[.!?؟]?")]
    private static partial Regex Sentence();
}
