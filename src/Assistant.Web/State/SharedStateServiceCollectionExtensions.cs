using Assistant.Configuration;
using Assistant.Conversations;
using Assistant.Web.DirectLine;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

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
        services.AddOptions<SharedStateOptions>().BindSettings(SharedStateOptions.SectionName);
        var settings = configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() ?? new SharedStateOptions();
        if (!settings.IsShared)
        {
            return services;
        }

        // One connection for the cache and the conversation locks. It does not abort when Redis is down at start: it keeps
        // reconnecting, and meanwhile the requests that need state fail rather than the whole host.
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var redis = ConfigurationOptions.Parse(settings.Redis);
            redis.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redis);
        });
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((redis, provider) =>
            redis.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<IConversationLocks, RedisConversationLocks>();
        services.Replace(ServiceDescriptor.Singleton<IConversationMemory, DistributedConversationMemory>());
        services.Replace(ServiceDescriptor.Singleton<IConversationStore, DistributedConversationStore>());
        return services;
    }
}
