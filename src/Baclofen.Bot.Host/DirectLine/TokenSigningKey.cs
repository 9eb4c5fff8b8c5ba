using System.Security.Cryptography;
using System.Text;
using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The HMAC key that signs Direct Line tokens. Without configuration a random key is made at
/// start-up: fine for one developer machine, but tokens then die with the process and are not
/// accepted by a second instance, which is why start-up warns about it.
/// </summary>
public sealed class TokenSigningKey
{
    public const int MinimumBytes = 32;

    private TokenSigningKey(byte[] shared)
    {
        Bytes = shared;
        IsShared = true;
    }

    public TokenSigningKey(IOptions<WidgetOptions> options)
    {
        var configured = options.Value.TokenSigningKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            Bytes = RandomNumberGenerator.GetBytes(MinimumBytes);
            IsEphemeral = true;
            return;
        }

        Bytes = Encoding.UTF8.GetBytes(configured);
        if (Bytes.Length < MinimumBytes)
        {
            throw new InvalidOperationException($"Widget:TokenSigningKey must be at least {MinimumBytes} bytes long (HMAC-SHA256 key).");
        }
    }

    /// <summary>
    /// The configured key; without one and with Redis, a random key that the first instance
    /// stores in Redis and every other instance reads, so a token from one works on all.
    /// </summary>
    public static TokenSigningKey Create(IOptions<WidgetOptions> options, RedisConnection? redis)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Value.TokenSigningKey) || redis is null)
        {
            return new TokenSigningKey(options);
        }

        var key = redis.KeyPrefix + "dl:token-signing-key";
        redis.Database.StringSet(key, Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes)), when: When.NotExists);
        return new TokenSigningKey(Convert.FromBase64String(redis.Database.StringGet(key)!));
    }

    public byte[] Bytes { get; }

    /// <summary>Shared through Redis by every instance (made at random by the first).</summary>
    public bool IsShared { get; }

    public bool IsEphemeral { get; }
}
