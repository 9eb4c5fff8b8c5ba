using Baclofen.Bot.Protocol.Authentication;

namespace Baclofen.Bot.Protocol.Adapter;

/// <summary>
/// The token half of a request's authentication (<see cref="CloudAdapter.AuthenticateRequestAsync"/>),
/// kept on the request once computed: the host reads it to choose a rate-limiting bucket, the adapter
/// to go on with the activity, and the token is validated once.
/// </summary>
public sealed record BotAuthenticationFeature(AuthenticationResult Result);
