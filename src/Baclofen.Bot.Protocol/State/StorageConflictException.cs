namespace Baclofen.Bot.Protocol.State;

/// <summary>A write carried an eTag that no longer matches: someone else wrote the key since it was read.</summary>
public sealed class StorageConflictException(string key)
    : Exception($"The stored item '{key}' changed since it was read (eTag mismatch).")
{
    public string Key { get; } = key;
}
