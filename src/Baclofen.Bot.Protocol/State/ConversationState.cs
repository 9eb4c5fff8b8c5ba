using System.Text.Json;
using Baclofen.Bot.Protocol.Builder;

namespace Baclofen.Bot.Protocol.State;

/// <summary>A state value as read, with the eTag to write it back against.</summary>
public sealed record StateEntry<T>(T Value, string? ETag);

/// <summary>
/// Per-conversation state over <see cref="IStorage"/>, keyed like Bot Builder's ConversationState
/// (<c>{channelId}/conversations/{conversationId}</c>), so two channels can never share a
/// conversation's state. The value is stored as JSON with System.Text.Json's web defaults.
/// </summary>
/// <param name="immutable">The caller never mutates a value after saving or loading it (a record
/// replaced with <c>with</c>, say). Then a store in this process (<see cref="IValueStorage"/>)
/// keeps the object itself and hands it back on the next turn, instead of writing and parsing
/// JSON every turn; a shared store (Redis) still gets JSON.</param>
public sealed class ConversationState<T>(IStorage storage, bool immutable = false)
    where T : class, new()
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Func<object, string> ToJson = value => JsonSerializer.Serialize((T)value, Json);
    private readonly IValueStorage? _values = immutable ? storage as IValueStorage : null;

    /// <summary>The storage key of the turn's conversation, or null when the activity names none.</summary>
    public static string? KeyOf(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channel = turnContext.Activity.ChannelId;
        var conversation = turnContext.Activity.Conversation?.Id;
        return string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(conversation)
            ? null
            : $"{channel}/conversations/{conversation}";
    }

    /// <summary>The stored value, or a new one (with no eTag) when there is none or it is unreadable.</summary>
    public async Task<StateEntry<T>> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(turnContext);
        if (key is null)
        {
            return new StateEntry<T>(new T(), null);
        }

        if (_values is not null)
        {
            if (_values.ReadValue(key) is not { } stored)
            {
                return new StateEntry<T>(new T(), null);
            }

            return stored.Value is T value ? new StateEntry<T>(value, stored.ETag) : Parse(stored.Json, stored.ETag);
        }

        var found = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(key, out var item) ? Parse(item.Json, item.ETag) : new StateEntry<T>(new T(), null);
    }

    private static StateEntry<T> Parse(string? json, string? eTag)
    {
        try
        {
            return new StateEntry<T>((json is null ? null : JsonSerializer.Deserialize<T>(json, Json)) ?? new T(), eTag);
        }
        catch (JsonException)
        {
            // State written by an older version of the bot: start the conversation afresh
            // rather than fail every turn of it. The eTag is kept so the rewrite still checks it.
            return new StateEntry<T>(new T(), eTag);
        }
    }

    /// <summary>Writes the value back. Throws <see cref="StorageConflictException"/> when another
    /// turn of the same conversation wrote since <paramref name="eTag"/> was read.</summary>
    public Task SaveAsync(ITurnContext turnContext, T value, string? eTag, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(turnContext);
        if (key is null)
        {
            return Task.CompletedTask;
        }

        // No eTag means nothing was stored when read; IStorage writes a new key whatever its eTag,
        // so two racing first turns cannot be told apart and the last one wins.
        if (_values is not null)
        {
            _values.WriteValue(key, value, ToJson, eTag ?? IStorage.AnyETag);
            return Task.CompletedTask;
        }

        var item = new StoreItem(JsonSerializer.Serialize(value, Json), eTag ?? IStorage.AnyETag);
        return storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = item }, cancellationToken);
    }

    /// <summary>Forgets the conversation's state.</summary>
    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(turnContext);
        return key is null ? Task.CompletedTask : storage.DeleteAsync([key], cancellationToken);
    }
}
