using System.Numerics.Tensors;
using Assistant.Analysis;
using Assistant.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Embedding;

/// <summary>
/// The default, offline embedder: signed feature hashing of each normalised word and its character 3- and 4-grams
/// (with word-boundary marks), so that Arabic words sharing a root or differing in affixes land close together.
/// Deterministic across processes and machines (FNV-1a, not string.GetHashCode).
/// </summary>
public sealed class LocalEmbeddingGenerator(ArabicTextAnalyzer analyzer, IOptions<EmbeddingsOptions> options)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "local-hashing";
    private const string ModelId = "char-ngram-3-4-v1";
    private readonly int _dimensions = Math.Max(16, options.Value.Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }
        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        var vector = new float[_dimensions];
        var gram = new char[4];
        analyzer.ForEachWord(text, 0, text.Length, (word, _, _) =>
        {
            if (word.Length == 1 && word[0] is >= '\u0600' and <= '\u06FF') return; // lone proclitic "و"
            Add(vector, Fnv(word, 0x9E3779B1u), 1.5f);
            // "#word#" n-grams without allocating the padded word.
            var padded = word.Length + 2;
            for (var n = 3; n <= 4; n++)
            {
                for (var i = 0; i + n <= padded; i++)
                {
                    for (var k = 0; k < n; k++)
                    {
                        var p = i + k;
                        gram[k] = p == 0 || p == padded - 1 ? '#' : word[p - 1];
                    }
                    Add(vector, Fnv(gram.AsSpan(0, n), (uint)n), 1f);
                }
            }
        });
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    private void Add(float[] vector, uint hash, float weight)
    {
        var index = (int)(hash % (uint)_dimensions);
        vector[index] += (hash & 0x80000000u) != 0 ? weight : -weight;
    }

    private static uint Fnv(ReadOnlySpan<char> s, uint seed)
    {
        var hash = 2166136261u ^ seed;
        foreach (var c in s)
        {
            hash = (hash ^ c) * 16777619u;
        }
        // FNV's low bits mix poorly for short keys; one avalanche round fixes the modulo spread.
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata)
            ? new EmbeddingGeneratorMetadata(ProviderName, defaultModelId: ModelId, defaultModelDimensions: _dimensions)
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
