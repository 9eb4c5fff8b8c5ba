using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// OAuth 2.0 client-credentials tokens for the bot (POST grant_type=client_credentials, client_id,
/// client_secret, scope to the configured token endpoint). The token is cached until
/// <see cref="RefreshBeforeExpiry"/> before it expires; concurrent callers share one in-flight request.
/// </summary>
/// <remarks>A small HttpClient implementation rather than Microsoft.Identity.Client: the bot needs one form
/// POST and a cache, MSAL insists on an https authority (so it cannot be tested against a loopback endpoint
/// without certificates), and this one takes a <see cref="TimeProvider"/> so expiry is testable.</remarks>
public sealed partial class ClientCredentialsTokenProvider : IBotTokenProvider
{
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    public ClientCredentialsTokenProvider(
        BotAuthenticationOptions options,
        HttpClient http,
        TimeProvider? timeProvider = null,
        ILogger<ClientCredentialsTokenProvider>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.EnsureValid();
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled)
        {
            return null;
        }

        if (Fresh(Volatile.Read(ref _cached)) is { } token)
        {
            return token;
        }

        // Callers that arrive during a fetch wait here, then find the token it cached. If the fetching
        // caller is cancelled, the next waiter fetches instead.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_cached) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cached, fetched);
            return fetched.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => Volatile.Write(ref _cached, null);

    private string? Fresh(CachedToken? cached) =>
        cached is not null && _time.GetUtcNow() < cached.RefreshAt ? cached.AccessToken : null;

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var endpoint = _options.TokenEndpoint;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.MicrosoftAppId!,
            ["client_secret"] = _options.MicrosoftAppPassword!,
            ["scope"] = _options.BotFrameworkAuthentication.Scope,
        });

        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(endpoint, form, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BotTokenRequestException($"Token request to {endpoint.Host} failed: {ex.GetType().Name}.", inner: ex);
        }

        using (response)
        {
            var requestedAt = _time.GetUtcNow();
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = ReadErrorCode(body);
                _logger.LogWarning("Token request to {TokenHost} answered {Status} {Error}.", endpoint.Host, (int)response.StatusCode, error);
                throw new BotTokenRequestException(
                    $"Token request to {endpoint.Host} answered {(int)response.StatusCode} {error}".TrimEnd() + ".",
                    response.StatusCode, error);
            }

            return Parse(body, requestedAt, endpoint.Host, response.StatusCode);
        }
    }

    private static CachedToken Parse(string body, DateTimeOffset now, string host, HttpStatusCode status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var lifetime = ReadSeconds(root);
            if (string.IsNullOrEmpty(token) || lifetime is null || lifetime <= TimeSpan.Zero)
            {
                throw new BotTokenRequestException($"Token response from {host} lacks access_token or expires_in.", status);
            }

            // Refresh 5 minutes early; a short-lived token is refreshed at half its life instead.
            var early = lifetime.Value > RefreshBeforeExpiry * 2 ? RefreshBeforeExpiry : lifetime.Value / 2;
            return new CachedToken(token, now + lifetime.Value - early);
        }
        catch (JsonException ex)
        {
            throw new BotTokenRequestException($"Token response from {host} is not JSON.", status, inner: ex);
        }
    }

    // Entra v2 sends expires_in as a number; v1 endpoints sent a string.
    private static TimeSpan? ReadSeconds(JsonElement root)
    {
        if (!root.TryGetProperty("expires_in", out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
        {
            return TimeSpan.FromSeconds(n);
        }
        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;
    }

    // Only a well-formed OAuth error code is kept; the rest of the body is not surfaced.
    private static string? ReadErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var e)
                && e.ValueKind == JsonValueKind.String
                && e.GetString() is { } code && ErrorCodePattern().IsMatch(code)
                ? code
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z_]{1,64}$")]
    private static partial Regex ErrorCodePattern();

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);
}
