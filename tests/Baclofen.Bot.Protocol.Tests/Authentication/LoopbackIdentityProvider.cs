using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>
/// Serves two OpenID metadata documents and their JWKS on 127.0.0.1, standing in for the Bot Connector
/// (keys carry endorsements) and for Entra ID (the Emulator's keys, none). Keys can be added while running
/// (rollover) and the metadata can be made to fail.
/// </summary>
public sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    public const string BotConnectorMetadataPath = "/botframework/openid";
    public const string BotConnectorKeysPath = "/botframework/keys";
    public const string EmulatorMetadataPath = "/emulator/openid";
    public const string EmulatorKeysPath = "/emulator/keys";

    private readonly List<TestSigningKey> _botConnectorKeys = [];
    private readonly List<TestSigningKey> _emulatorKeys = [];
    private LoopbackServer _server = null!;

    public bool Failing { get; set; }

    public LoopbackServer Server => _server;

    public Uri BotConnectorMetadataUrl => _server.Url(BotConnectorMetadataPath);

    public Uri EmulatorMetadataUrl => _server.Url(EmulatorMetadataPath);

    public static async Task<LoopbackIdentityProvider> StartAsync()
    {
        var idp = new LoopbackIdentityProvider();
        idp._server = await LoopbackServer.StartAsync(idp.HandleAsync);
        return idp;
    }

    public void PublishBotConnectorKey(TestSigningKey key)
    {
        lock (_botConnectorKeys)
        {
            _botConnectorKeys.Add(key);
        }
    }

    public void PublishEmulatorKey(TestSigningKey key)
    {
        lock (_emulatorKeys)
        {
            _emulatorKeys.Add(key);
        }
    }

    private Task HandleAsync(HttpContext context)
    {
        if (Failing)
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        }

        object? body = context.Request.Path.Value switch
        {
            BotConnectorMetadataPath => Metadata("https://api.botframework.com", BotConnectorKeysPath),
            EmulatorMetadataPath => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", EmulatorKeysPath),
            BotConnectorKeysPath => Jwks(_botConnectorKeys, withEndorsements: true),
            EmulatorKeysPath => Jwks(_emulatorKeys, withEndorsements: false),
            _ => null,
        };
        if (body is null)
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private Dictionary<string, object> Metadata(string issuer, string keysPath) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.example/authorize",
        ["jwks_uri"] = _server.Url(keysPath).ToString(),
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    private static Dictionary<string, object> Jwks(List<TestSigningKey> keys, bool withEndorsements)
    {
        lock (keys)
        {
            return new() { ["keys"] = keys.Select(k => k.Jwk(withEndorsements)).ToArray() };
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
