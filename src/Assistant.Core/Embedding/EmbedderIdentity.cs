using Microsoft.Extensions.AI;

namespace Assistant.Embedding;

/// <summary>Names an embedder (provider, model, dimensions); stored with an index so that vectors from different embedders are never mixed.</summary>
public static class EmbedderIdentity
{
    public static string Of(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        return $"{metadata?.ProviderName ?? generator.GetType().Name}/{metadata?.DefaultModelId ?? "default"}/{metadata?.DefaultModelDimensions?.ToString() ?? "?"}";
    }
}
