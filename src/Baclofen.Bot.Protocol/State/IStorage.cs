namespace Baclofen.Bot.Protocol.State;

/// <summary>
/// One stored value: its JSON text and the eTag it had when read. Values are JSON rather than
/// objects so every implementation (memory for one instance, Redis when several share the state) stores and
/// returns exactly the same thing, and no caller can mutate what is stored by holding a reference.
/// </summary>
/// <param name="ETag">Null or <see cref="IStorage.AnyETag"/> on write means "overwrite whatever is
/// there"; any other value must equal the stored item's current eTag.</param>
public sealed record StoreItem(string Json, string? ETag = null);

/// <summary>
/// Keyed state storage in Bot Builder's shape (read, write, delete several keys at once) with
/// optimistic concurrency: a write carrying a stale eTag fails with
/// <see cref="StorageConflictException"/> instead of silently losing another turn's update.
/// </summary>
public interface IStorage
{
    /// <summary>The eTag that matches any stored version (an unconditional write).</summary>
    const string AnyETag = "*";

    /// <summary>The items found; a missing or expired key is simply absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes all changes, each getting a new eTag. Writing a key that does not exist
    /// always succeeds, whatever eTag it carries.</summary>
    Task WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}
