using Baclofen.Bot.Protocol.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baclofen.Bot.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Storage:Redis</c> set, conversation state goes to Redis (registered before the
    /// in-memory default, which is added with TryAdd). Returns whether Redis is in use.
    /// </summary>
    public static bool AddRedisStorageIfConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (!options.Enabled)
        {
            return false;
        }

        AddRedisStorage(services, configuration);
        return true;
    }

    // Apart from the check so that a bot without Redis never loads the Redis client library.
    private static void AddRedisStorage(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName));
        services.AddOptions<MemoryStorageOptions>().Bind(configuration.GetSection(MemoryStorageOptions.SectionName));
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<IStorage, RedisStorage>();
    }
}
