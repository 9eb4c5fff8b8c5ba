using System.Net;
using System.Security.Claims;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Authentication;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Host.Tests;

/// <summary>Which bucket a request counts against: only a validated token earns the connector's.</summary>
public sealed class RateLimitBucketTests
{
    private static DefaultHttpContext Request(AuthenticationResult? authentication, string? authorization = "Bearer x")
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        if (authentication is not null)
        {
            http.Features.Set(new BotAuthenticationFeature(authentication));
        }

        return http;
    }

    private static AuthenticationResult Valid(TokenSource source) => AuthenticationResult.Success(new ClaimsIdentity("Bearer"), source);

    [Theory]
    [InlineData(TokenSource.BotConnector)]
    [InlineData(TokenSource.Emulator)]
    public void A_validated_token_on_the_messaging_endpoint_earns_the_bearer_bucket(TokenSource source)
    {
        Assert.Equal("bearer:203.0.113.9", BotRateLimiting.PartitionKey(Request(Valid(source)), bearerBucket: true));
    }

    [Theory]
    [InlineData(AuthenticationFailure.MalformedToken)]
    [InlineData(AuthenticationFailure.InvalidSignature)]
    [InlineData(AuthenticationFailure.Expired)]
    [InlineData(AuthenticationFailure.InvalidAudience)]
    [InlineData(AuthenticationFailure.NotLocalClient)]
    public void A_token_that_failed_counts_against_the_clients_address(AuthenticationFailure failure)
    {
        Assert.Equal("ip:203.0.113.9", BotRateLimiting.PartitionKey(Request(AuthenticationResult.Fail(failure)), bearerBucket: true));
    }

    [Fact]
    public void A_bearer_header_alone_earns_nothing()
    {
        // Not validated (no feature) or anonymous mode (success, but no token): the client's address.
        Assert.Equal("ip:203.0.113.9", BotRateLimiting.PartitionKey(Request(authentication: null), bearerBucket: true));
        Assert.Equal("ip:203.0.113.9", BotRateLimiting.PartitionKey(Request(AuthenticationResult.Anonymous()), bearerBucket: true));
    }

    [Fact]
    public void Other_endpoints_never_use_the_bearer_bucket()
    {
        Assert.Equal("ip:203.0.113.9", BotRateLimiting.PartitionKey(Request(Valid(TokenSource.BotConnector)), bearerBucket: false));
    }
}
