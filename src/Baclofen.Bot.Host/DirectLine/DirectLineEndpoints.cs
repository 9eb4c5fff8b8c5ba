using System.Globalization;
using System.Text.Json;
using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Protocol;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The self-hosted Direct Line 3.0 endpoint under /v3/directline, polling only (no WebSocket
/// stream), as Microsoft's directlinejs and Web Chat use it with webSocket: false.
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);
    private static readonly HashSet<string> ClientActivityTypes = [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing];

    /// <param name="rateLimitPolicy">
    /// A rate-limiting policy for the requests that cost something (start, post, refresh,
    /// reconnect). Polling is left out: Web Chat polls every second, and a per-IP limit on it
    /// would cut off patients who share one address, such as a clinic's waiting-room Wi-Fi.
    /// </param>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string? rateLimitPolicy = null)
    {
        var group = endpoints.MapGroup(Prefix).AddEndpointFilter(WidgetHeaders.ApiFilter).AddEndpointFilter(DirectLineError.StoreOutageFilter);
        // Starting a conversation runs the welcome turn and posting runs a turn: both share the turn
        // concurrency limit with /api/messages; reading the log has its own (polling is exempt from
        // the per-IP limit, not from that one).
        RouteHandlerBuilder[] limited =
        [
            group.MapPost("/conversations", StartConversationAsync).RequireConcurrencyLimit(BotConcurrency.Turns),
            group.MapGet("/conversations/{conversationId}", ReconnectAsync),
            group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireConcurrencyLimit(BotConcurrency.Turns),
            group.MapPost("/tokens/refresh", Refresh),
        ];
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).RequireConcurrencyLimit(BotConcurrency.Reads);
        group.MapMethods("/{**path}", [HttpMethods.Options], WidgetCors.Preflight);
        if (rateLimitPolicy is not null)
        {
            foreach (var endpoint in limited)
            {
                endpoint.RequireRateLimiting(rateLimitPolicy);
            }
        }

        return endpoints;
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineTokenService tokens, IConversationStore store, ConversationStartLimiter starts, TurnRunner runner, IOptions<WidgetOptions> options, IOptions<BotProtocolOptions> limits)
    {
        var (claims, error) = DirectLineAuth.Authenticate(context, tokens, conversationId: null);
        if (error is not null)
        {
            return error;
        }

        // The body ({"user":{"id":...}}) is read only to reject garbage: the user comes from the token.
        var (_, bodyError) = await JsonBody.ReadAsync(context.Request, options.Value.MaxActivityBytes, limits.Value.Limits, required: false, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (start, wait) = await StartOrFindAsync(context, claims!, store, starts);
        switch (start.Status)
        {
            case ConversationStartStatus.StoreFull:
                context.Response.Headers.RetryAfter = "60";
                return DirectLineError.Result(StatusCodes.Status503ServiceUnavailable, "Busy", "Too many open conversations; try again shortly.");
            case ConversationStartStatus.ClientFull:
                return DirectLineError.TooManyRequests(context, wait ?? TimeSpan.FromMinutes(1), "Too many new conversations from this address; try again later.");
        }

        var conversation = start.Conversation!;
        if (start.Created)
        {
            using var timeout = new CancellationTokenSource(TurnTimeout);
            await runner.StartAsync(conversation, ServiceUrl(context), timeout.Token);
        }

        var body = new ConversationResponse(conversation.Id, BearerToken(context), tokens.SecondsLeft(claims!));
        return start.Created ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
    }

    /// <summary>
    /// Web Chat starting again with the same token finds its conversation; only a new conversation
    /// counts against the client address's starts a minute and its share of the store.
    /// </summary>
    private static async Task<(ConversationStart Start, TimeSpan? Wait)> StartOrFindAsync(HttpContext context, DirectLineTokenClaims claims, IConversationStore store, ConversationStartLimiter starts)
    {
        if (await store.FindAsync(claims.ConversationId, context.RequestAborted) is { } existing)
        {
            return (new ConversationStart(ConversationStartStatus.Existing, existing), null);
        }

        var client = ClientAddress.Of(context);
        if (starts.TryStart(client) is { } wait)
        {
            return (new ConversationStart(ConversationStartStatus.ClientFull, null), wait);
        }

        return (await store.GetOrCreateAsync(claims.ConversationId, claims.UserId, client, context.RequestAborted), null);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, IConversationStore store)
    {
        var (claims, error) = DirectLineAuth.Authenticate(context, tokens, conversationId);
        if (error is not null)
        {
            return error;
        }

        if (await store.FindAsync(conversationId, context.RequestAborted) is null)
        {
            return DirectLineError.NotFound();
        }

        var issued = tokens.Issue(claims!.ConversationId, claims.UserId);
        return Results.Json(new ConversationResponse(conversationId, issued.Token, issued.ExpiresIn));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, IConversationStore store, TurnRunner runner, IOptions<WidgetOptions> options, IOptions<BotProtocolOptions> limits)
    {
        var (_, error) = DirectLineAuth.Authenticate(context, tokens, conversationId);
        if (error is not null)
        {
            return error;
        }

        var conversation = await store.FindAsync(conversationId, context.RequestAborted);
        if (conversation is null)
        {
            return DirectLineError.NotFound();
        }

        // Checked against the activity limits before anything is built from it, then deserialised once.
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request, options.Value.MaxActivityBytes, limits.Value.Limits, required: true, context.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return DirectLineError.BadArgument("The body is not a valid activity.");
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return DirectLineError.BadArgument("The activity needs a type.");
        }

        if (!ClientActivityTypes.Contains(activity.Type))
        {
            return DirectLineError.BadArgument("Clients may post message, event and typing activities only.");
        }

        // Not the request's token: a patient whose connection drops mid-turn still gets the answer on the next poll.
        using var timeout = new CancellationTokenSource(TurnTimeout);
        var (id, botSucceeded) = await runner.PostAsync(conversation, activity, ServiceUrl(context), timeout.Token);
        return botSucceeded
            ? Results.Json(new ResourceIdResponse(id))
            : DirectLineError.Result(StatusCodes.Status502BadGateway, "BotError", "The bot could not answer this activity.");
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, IConversationStore store, IOptions<WidgetOptions> options)
    {
        var (_, error) = DirectLineAuth.Authenticate(context, tokens, conversationId);
        if (error is not null)
        {
            return error;
        }

        var conversation = await store.FindAsync(conversationId, context.RequestAborted);
        if (conversation is null)
        {
            return DirectLineError.NotFound();
        }

        var raw = context.Request.Query["watermark"].ToString();
        long? watermark = null;
        if (raw.Length > 0)
        {
            if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return DirectLineError.BadArgument("The watermark must be a number returned by this service.");
            }

            watermark = parsed;
        }

        var limit = new ActivityPageLimit(options.Value.MaxActivitiesPerGet, options.Value.MaxBytesPerGet);
        var (activities, next) = await conversation.ReadFromAsync(watermark, limit, context.RequestAborted);
        return Results.Bytes(ActivitySetWriter.Write(activities, next), "application/json; charset=utf-8");
    }

    private static IResult Refresh(HttpContext context, DirectLineTokenService tokens)
    {
        var (claims, error) = DirectLineAuth.Authenticate(context, tokens, conversationId: null);
        if (error is not null)
        {
            return error;
        }

        var issued = tokens.Issue(claims!.ConversationId, claims.UserId);
        return Results.Json(new ConversationResponse(claims.ConversationId, issued.Token, issued.ExpiresIn));
    }

    private static string BearerToken(HttpContext context) => context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();

    private static string ServiceUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";
}
