namespace Baclofen.Bot.Protocol.State;

/// <summary>What <see cref="IValueStorage.ReadValue"/> found: the object itself when it was
/// written as one, otherwise the JSON written through <see cref="IStorage"/>.</summary>
public readonly record struct StoredValue(object? Value, string? Json, string ETag);

/// <summary>
/// An <see cref="IStorage"/> in this process that can also keep an immutable value as the object
/// itself, so a caller that reads back what it wrote skips a JSON round trip per turn. The
/// <see cref="IStorage"/> view is unchanged: a key written as a value reads as the JSON
/// <c>toJson</c> makes of it, made the first time someone asks. Only for values nobody mutates
/// after writing: every reader gets the same instance.
/// </summary>
public interface IValueStorage : IStorage
{
    /// <summary>The item under <paramref name="key"/>, or null when there is none (or it expired).</summary>
    StoredValue? ReadValue(string key);

    /// <summary>Writes <paramref name="value"/> with the eTag rules of <see cref="IStorage.WriteAsync"/>;
    /// throws <see cref="StorageConflictException"/> on a stale eTag.</summary>
    void WriteValue(string key, object value, Func<object, string> toJson, string? eTag);
}
