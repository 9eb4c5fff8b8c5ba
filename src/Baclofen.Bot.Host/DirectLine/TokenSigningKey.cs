using System.Security.Cryptography;
using System.Text;
using Baclofen.Bot.Host.Widget;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The HMAC key that signs Direct Line tokens. Without configuration a random key is made at
/// start-up: fine for one developer machine, but tokens then die with the process and are not
/// accepted by a second instance, which is why start-up warns about it.
/// </summary>
public sealed class TokenSigningKey
{
    public const int MinimumBytes = 32;

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

    public byte[] Bytes { get; }

    public bool IsEphemeral { get; }
}
