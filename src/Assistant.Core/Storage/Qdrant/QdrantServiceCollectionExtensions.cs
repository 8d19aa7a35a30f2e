using Assistant.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Storage.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Qdrant <see cref="IPassageIndex"/> (settings under <c>Index:Qdrant</c>), talking to Qdrant's gRPC
    /// endpoint through the official Qdrant.Client; timeouts and retries are described on <see cref="QdrantConnection"/>.
    /// </summary>
    public static IServiceCollection AddQdrantPassageIndex(this IServiceCollection services, IConfiguration configuration)
    {
        // AddAssistantCore binds these too; binding here lets the back-end be registered on its own.
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section));
        services.AddSingleton<QdrantConnection>();
        services.AddSingleton<IPassageIndex, QdrantPassageIndex>();
        return services;
    }
}
