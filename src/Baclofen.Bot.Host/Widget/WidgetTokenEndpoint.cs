using System.Text.Json.Serialization;
using Baclofen.Bot.Host.DirectLine;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Widget;

/// <summary>
/// POST /api/widget/token: what the widget calls before it starts Web Chat. It gets a
/// short-lived token for one new conversation and one server-made dl_ user id; with an Azure
/// Direct Line secret configured, an Azure token plus the domain Web Chat must talk to.
/// </summary>
public static class WidgetTokenEndpoint
{
    public const string Path = "/api/widget/token";

    public static async Task<IResult> IssueAsync(HttpContext context, IOptions<WidgetOptions> options, DirectLineTokenService tokens, IServiceProvider services)
    {
        // A page on a site that is not allowed to embed the widget gets nothing, not just an unreadable answer.
        if (!WidgetCors.Apply(context))
        {
            return DirectLineError.Result(StatusCodes.Status403Forbidden, "OriginNotAllowed", "This site is not allowed to embed the widget.");
        }

        // Self-hosted, the conversation is made when Web Chat starts it, which counts the start; a
        // client with none left gets no token it could not use. Azure makes it with the token.
        var client = ClientAddress.Of(context);
        var starts = services.GetRequiredService<ConversationStartLimiter>();
        var refused = options.Value.DirectLine.Enabled
            ? starts.TryStart(client)
            : starts.CanStart(client) ? null : TimeSpan.FromMinutes(1);
        if (refused is { } wait)
        {
            return DirectLineError.TooManyRequests(context, wait, "Too many new conversations from this address; try again later.");
        }

        var userId = DirectLineIds.NewUserId();
        if (!options.Value.DirectLine.Enabled)
        {
            var issued = tokens.Issue(DirectLineIds.NewConversationId(), userId);
            return Results.Json(new WidgetToken(issued.Token, issued.Claims.ConversationId, userId, issued.ExpiresIn, Domain: null));
        }

        var azure = services.GetRequiredService<AzureDirectLineTokenClient>();
        var generated = await azure.GenerateAsync(userId, context.RequestAborted);
        return generated is null
            ? DirectLineError.Result(StatusCodes.Status502BadGateway, "DirectLineUnavailable", "The chat service is not available right now.")
            : Results.Json(new WidgetToken(generated.Token!, generated.ConversationId!, userId, generated.ExpiresIn, options.Value.DirectLine.Domain));
    }

    /// <summary>No domain means "this bot's own /v3/directline", which the widget knows from its script URL.</summary>
    public sealed record WidgetToken(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("userId")] string UserId,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("domain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Domain);
}
