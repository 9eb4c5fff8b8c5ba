namespace Baclofen.Bot.Protocol.State;

/// <summary>The store could not be reached (a shared store during an outage). A turn may go on without
/// what it would have read or written; the store reports the outage itself, so callers need not log it.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
