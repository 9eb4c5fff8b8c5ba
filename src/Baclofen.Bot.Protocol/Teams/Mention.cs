using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Teams;

/// <summary>
/// A mention entity read from an activity: who was mentioned and the markup (usually
/// <c>&lt;at&gt;Name&lt;/at&gt;</c>) that stands for them in the text. <see cref="Entity"/> is
/// the original entity, so removing it from the activity is a reference comparison.
/// </summary>
public sealed record Mention(string? MentionedId, string? MentionedName, string? Text, Entity Entity);
