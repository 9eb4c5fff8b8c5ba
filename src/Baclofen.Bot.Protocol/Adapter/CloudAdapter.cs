using System.Text.Json;
using Baclofen.Bot.Protocol.Authentication;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Connector;
using Baclofen.Bot.Protocol.Connector.Resilience;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using IMiddleware = Baclofen.Bot.Protocol.Builder.IMiddleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Adapter;

/// <summary>
/// The messaging endpoint's engine, in Bot Builder's CloudAdapter shape: read and validate
/// and authenticate the activity, run the middleware and the bot in a <see cref="TurnContext"/>, deliver the
/// replies (to the connector, or in the response body for expectReplies), and answer the
/// HTTP request. A request that is wrong gets a 4xx saying why; an unauthenticated one gets a
/// bare 401 before any turn runs; a bot that fails gets the turn error handler, and the
/// channel still gets its 200.
/// </summary>
public sealed partial class CloudAdapter
{
    private readonly IConnectorClient _connector;
    private readonly BotFrameworkAuthenticator _authenticator;
    private readonly MiddlewareSet _middleware;
    private readonly BotProtocolOptions _options;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly RequestRefusals _refusals;
    private readonly TimeProvider _time;
    private long _notLocalLoggedAt = long.MinValue;

    // Local mode's answer for every accepted request: one instance, so the hot path allocates nothing for it.
    private static readonly BotAuthenticationFeature LocalAnonymous = new(AuthenticationResult.Anonymous());

    public CloudAdapter(
        IConnectorClient connector,
        BotFrameworkAuthenticator authenticator,
        IEnumerable<IMiddleware> middleware,
        IOptions<BotProtocolOptions> options,
        ILogger<CloudAdapter> logger,
        RequestRefusals? refusals = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connector = connector;
        _authenticator = authenticator;
        _middleware = new MiddlewareSet(middleware);
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _refusals = refusals ?? new RequestRefusals(logger, _time);
        OnTurnError = DefaultOnTurnErrorAsync;
    }

    /// <summary>
    /// Called when the middleware or the bot throws. The default logs the failure (never the
    /// user's text) and tells the user something went wrong, so they are not left waiting.
    /// </summary>
    public Func<ITurnContext, Exception, Task> OnTurnError { get; set; }

    public async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        ArgumentNullException.ThrowIfNull(httpResponse);
        ArgumentNullException.ThrowIfNull(bot);

        if (!HttpMethods.IsPost(httpRequest.Method))
        {
            await WriteErrorAsync(httpResponse, new ProtocolError(405, "MethodNotAllowed", "Post activities to this endpoint."), cancellationToken).ConfigureAwait(false);
            return;
        }

        // The token first, before a byte of the body is read: a flood of forged tokens costs no parsing.
        // The authenticator logs the reason; the caller gets only the status.
        var token = await AuthenticateRequestAsync(httpRequest.HttpContext, cancellationToken).ConfigureAwait(false);
        if (!token.Succeeded)
        {
            Unauthorized(httpResponse, token.Failure);
            return;
        }

        var (activity, error) = await ActivityRequestReader.ReadAsync(httpRequest, _options.MaxRequestBodyBytes, _options.Limits, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            await RejectAsync(httpResponse, error ?? ProtocolError.EmptyBody(), cancellationToken).ConfigureAwait(false);
            return;
        }

        // What needs the activity (the token's serviceurl and channel endorsement, a local serviceUrl in
        // anonymous mode) comes before the activity is validated, so an unauthorised caller learns nothing
        // about what the bot would accept.
        var authorized = AuthorizeActivity(token, activity);
        if (!authorized.Succeeded)
        {
            Unauthorized(httpResponse, authorized.Failure);
            return;
        }

        if (error is not null)
        {
            await RejectAsync(httpResponse, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        var replies = await ProcessActivityAsync(activity, bot, cancellationToken).ConfigureAwait(false);

        httpResponse.StatusCode = StatusCodes.Status200OK;
        if (replies is not null)
        {
            httpResponse.ContentType = "application/json; charset=utf-8";
            // Written synchronously into the response pipe's own buffer, then flushed once: a reply
            // of a few KB needs neither an intermediate copy nor the async serializer's state machine.
            using (var writer = new Utf8JsonWriter(httpResponse.BodyWriter, ProtocolJson.WriterOptions))
            {
                ActivityJsonWriter.Write(writer, replies);
            }

            await httpResponse.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The half of authentication that needs only the request: the bearer token's signature, issuer,
    /// audience and lifetime; in anonymous mode, that the client is on this machine (unless
    /// <see cref="BotProtocolOptions.AllowAnonymousFromNetwork"/>). Computed once per request and kept
    /// on it, so the host can choose a rate-limiting bucket from it before the endpoint runs.
    /// </summary>
    public async ValueTask<AuthenticationResult> AuthenticateRequestAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<BotAuthenticationFeature>() is { } known)
        {
            return known.Result;
        }

        BotAuthenticationFeature feature;
        if (_authenticator.Mode == BotAuthenticationMode.Disabled)
        {
            feature = _options.AllowAnonymousFromNetwork || LocalAddresses.IsLocalClient(http)
                ? LocalAnonymous
                : new(NotLocal(AuthenticationFailure.NotLocalClient));
        }
        else
        {
            feature = new(await _authenticator.ValidateTokenAsync(http.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false));
        }

        http.Features.Set(feature);
        return feature.Result;
    }

    private AuthenticationResult AuthorizeActivity(AuthenticationResult token, Activity activity)
    {
        if (_authenticator.Mode == BotAuthenticationMode.Enabled)
        {
            return _authenticator.AuthorizeActivity(token, activity.ChannelId, activity.ServiceUrl);
        }

        // Anonymous replies go out without credentials, but still from this machine: only to itself.
        // (One that is no http(s) URL at all is left to validation's 400.)
        return _options.AllowAnonymousFromNetwork || !LocalAddresses.IsRemoteServiceUrl(activity.ServiceUrl)
            ? token
            : NotLocal(AuthenticationFailure.NotLocalServiceUrl);
    }

    private AuthenticationResult NotLocal(AuthenticationFailure failure)
    {
        // At most once a minute: the advice matters, a line per refused request does not.
        var last = Interlocked.Read(ref _notLocalLoggedAt);
        var now = _time.GetTimestamp();
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= RequestRefusals.Period)
            && Interlocked.CompareExchange(ref _notLocalLoggedAt, now, last) == last)
        {
            LogNotLocal(failure);
        }

        return AuthenticationResult.Fail(failure);
    }

    private void Unauthorized(HttpResponse response, AuthenticationFailure failure)
    {
        _refusals.Record(StatusCodes.Status401Unauthorized, failure.ToString());
        response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    /// <summary>
    /// Runs one turn for an activity that has already been read and validated. Returns the
    /// buffered replies for expectReplies, otherwise null (the replies went to the connector).
    /// </summary>
    public async Task<ExpectedReplies?> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);

        var context = new TurnContext(activity, SendToConnectorAsync);
        LogTurn(activity.Type, activity.ChannelId, activity.Conversation?.Id);
        if (_options.LogMessageText && activity.Text is not null)
        {
            LogTurnText(activity.Conversation?.Id, activity.Text);
        }

        try
        {
            await _middleware.RunAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; nobody is left to tell.
            LogTurnCancelled(activity.Conversation?.Id);
            throw;
        }
        catch (Exception ex)
        {
            await HandleTurnErrorAsync(context, ex).ConfigureAwait(false);
        }

        return context.ExpectsReplies ? new ExpectedReplies { Activities = context.BufferedReplies.ToList() } : null;
    }

    private async Task<ResourceResponse[]> SendToConnectorAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            responses[i] = await _connector.SendAsync(activities[i], cancellationToken).ConfigureAwait(false);
        }

        return responses;
    }

    private async Task HandleTurnErrorAsync(ITurnContext context, Exception exception)
    {
        try
        {
            await OnTurnError(context, exception).ConfigureAwait(false);
        }
        catch (ConnectorException undelivered)
        {
            LogUndeliveredReply(undelivered);
        }
        catch (Exception handlerFailure)
        {
            // Typically the connector is down, so even the apology cannot be delivered.
            LogErrorHandlerFailed(handlerFailure, context.Activity.Conversation?.Id);
        }
    }

    private async Task DefaultOnTurnErrorAsync(ITurnContext context, Exception exception)
    {
        if (exception is ConnectorException undelivered)
        {
            // The connector already had its retries; an apology would go the same way and keep the
            // channel's request open for another round of backoff.
            LogUndeliveredReply(undelivered);
            return;
        }

        LogTurnFailed(exception, context.Activity.Type, context.Activity.Conversation?.Id);
        var apology = MessageFactory.Text(_options.ErrorReplyText);
        apology.InputHint = InputHints.AcceptingInput;
        // Not bound to the turn's token: the apology is the last thing worth delivering.
        await context.SendActivityAsync(apology, CancellationToken.None).ConfigureAwait(false);
    }

    private void LogUndeliveredReply(ConnectorException exception)
    {
        if (exception.StatusCode is { } status)
        {
            ConnectorLog.ReplyFailed(_logger, exception.ConversationId, status);
        }
        else
        {
            ConnectorLog.ReplyFailed(_logger, exception.ConversationId, exception.Reason);
        }
    }

    private async Task RejectAsync(HttpResponse response, ProtocolError error, CancellationToken cancellationToken)
    {
        _refusals.Record(error.StatusCode, error.Code);
        await WriteErrorAsync(response, error, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpResponse response, ProtocolError error, CancellationToken cancellationToken)
    {
        response.StatusCode = error.StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, error.ToResponse(), ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Refused an anonymous request ({Failure}): with no MicrosoftAppId the bot accepts /api/messages only from this machine and replies only to localhost serviceUrls. For a deployed bot set MicrosoftAppId and MicrosoftAppPassword (see the README, Authentication); Bot:AllowAnonymousFromNetwork=true lifts the check at your own risk.")]
    private partial void LogNotLocal(AuthenticationFailure failure);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Turn: {ActivityType} on {ChannelId} in conversation {ConversationId}")]
    private partial void LogTurn(string? activityType, string? channelId, string? conversationId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Turn text in conversation {ConversationId}: {Text}")]
    private partial void LogTurnText(string? conversationId, string text);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "The bot failed a {ActivityType} turn in conversation {ConversationId}")]
    private partial void LogTurnFailed(Exception exception, string? activityType, string? conversationId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "The turn error handler failed too in conversation {ConversationId}; the user got no reply")]
    private partial void LogErrorHandlerFailed(Exception exception, string? conversationId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Turn cancelled in conversation {ConversationId}: the caller disconnected")]
    private partial void LogTurnCancelled(string? conversationId);
}
