using Assistant.Configuration;
using Assistant.Conversations;
using Assistant.Web.DirectLine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Web.State;

public static class SharedStateServiceCollectionExtensions
{
    /// <summary>
    /// With <c>State:Redis</c> set, conversation memory and the Direct Line conversations go through
    /// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> on that Redis, replacing the in-process
    /// defaults; without it nothing changes. Call after the services it replaces are added.
    /// </summary>
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SharedStateOptions>().BindConfiguration(SharedStateOptions.SectionName).ValidateSettingsOnStart();
        var settings = configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() ?? new SharedStateOptions();
        if (!settings.IsShared)
        {
            return services;
        }

        services.AddStackExchangeRedisCache(redis => redis.Configuration = settings.Redis);
        services.Replace(ServiceDescriptor.Singleton<IConversationMemory, DistributedConversationMemory>());
        services.Replace(ServiceDescriptor.Singleton<IConversationStore, DistributedConversationStore>());
        return services;
    }
}
