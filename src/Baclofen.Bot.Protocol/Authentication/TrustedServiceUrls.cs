namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// Service URLs that arrived in AUTHENTICATED activities. The bot's token is only ever attached to a request
/// under one of these, so an activity with a forged serviceUrl can never make the bot hand its credentials
/// to an attacker's server. Bounded (oldest evicted first) and expiring (sliding: every authenticated
/// activity renews its URL), since the set is fed by traffic. Thread-safe.
/// </summary>
public sealed class TrustedServiceUrls
{
    public const int DefaultCapacity = 1000;

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    public TrustedServiceUrls(TimeProvider? timeProvider = null, int capacity = DefaultCapacity, TimeSpan? lifetime = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = timeProvider ?? TimeProvider.System;
        Capacity = capacity;
        Lifetime = lifetime ?? DefaultLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Lifetime, TimeSpan.Zero, nameof(lifetime));
    }

    public int Capacity { get; }

    public TimeSpan Lifetime { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _lastSeen.Count;
            }
        }
    }

    /// <summary>Records a serviceUrl from an authenticated activity. Ignores URLs that are not absolute,
    /// not https (http only for loopback), or carry user info, a query or a fragment. Returns whether it was recorded.</summary>
    public bool Trust(string? serviceUrl)
    {
        if (!TryNormalize(serviceUrl, out var key))
        {
            return false;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _lastSeen[key] = now;
            if (_lastSeen.Count > Capacity)
            {
                Evict(now);
            }
        }
        return true;
    }

    /// <summary>True if this exact service URL (ignoring a trailing slash and host case) is trusted.</summary>
    public bool IsTrusted(string? serviceUrl) => TryNormalize(serviceUrl, out var key) && IsFresh(key);

    /// <summary>True if a request URL lies under a trusted service URL (same scheme, host and port, and its
    /// path starts with the service URL's path at a segment boundary).</summary>
    public bool IsTrusted(Uri? requestUri)
    {
        if (requestUri is null || !TryNormalize(requestUri, allowQuery: true, out var key))
        {
            return false;
        }

        // Walk up the path one segment at a time: /amer/v3/conversations → /amer/v3 → /amer → (root).
        while (true)
        {
            if (IsFresh(key))
            {
                return true;
            }

            var slash = key.LastIndexOf('/');
            var root = key.IndexOf("://", StringComparison.Ordinal) + 3;
            var firstPathSlash = key.IndexOf('/', root);
            if (slash < 0 || firstPathSlash < 0)
            {
                return false;
            }
            key = key[..slash];
        }
    }

    private bool IsFresh(string key)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_lastSeen.TryGetValue(key, out var seen))
            {
                return false;
            }
            if (now - seen < Lifetime)
            {
                return true;
            }
            _lastSeen.Remove(key);
            return false;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var expired in _lastSeen.Where(e => now - e.Value >= Lifetime).Select(e => e.Key).ToList())
        {
            _lastSeen.Remove(expired);
        }
        while (_lastSeen.Count > Capacity)
        {
            var oldest = _lastSeen.MinBy(e => e.Value).Key;
            _lastSeen.Remove(oldest);
        }
    }

    private static bool TryNormalize(string? serviceUrl, out string key)
    {
        key = string.Empty;
        return !string.IsNullOrWhiteSpace(serviceUrl)
            && Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out var uri)
            && TryNormalize(uri, allowQuery: false, out key);
    }

    // Scheme, lower-case host and explicit non-default port, then the path without a trailing slash.
    private static bool TryNormalize(Uri uri, bool allowQuery, out string key)
    {
        key = string.Empty;
        if (!uri.IsAbsoluteUri || !SecureTransport.IsAllowed(uri) || uri.UserInfo.Length > 0
            || (!allowQuery && (uri.Query.Length > 0 || uri.Fragment.Length > 0)))
        {
            return false;
        }

        key = uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped).ToLowerInvariant()
            + uri.AbsolutePath.TrimEnd('/');
        return true;
    }
}
