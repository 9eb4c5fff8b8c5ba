using Baclofen.Bot.Protocol.Connector;

namespace Baclofen.Bot.Protocol.Tests;

public class ConnectorRoutesTests
{
    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://localhost:56150/_connector/")]
    public void Reply_route_keeps_the_serviceUrl_path_with_or_without_trailing_slash(string serviceUrl)
    {
        var uri = ConnectorRoutes.Activities(new Uri(serviceUrl), "conv-1", "act-1");

        Assert.Equal("http://localhost:56150/_connector/v3/conversations/conv-1/activities/act-1", uri.AbsoluteUri);
    }

    [Fact]
    public void Send_route_without_replyToId_posts_to_the_conversation()
    {
        var uri = ConnectorRoutes.Activities(new Uri("https://smba.example.test/amer/"), "conv-1", null);

        Assert.Equal("https://smba.example.test/amer/v3/conversations/conv-1/activities", uri.AbsoluteUri);
    }

    [Fact]
    public void Teams_channel_conversation_id_is_escaped_as_one_path_segment()
    {
        var uri = ConnectorRoutes.Activities(new Uri("http://localhost:56150/_connector"), "team-id;messageid=1795224238409", "a/b c");

        // What the Agents Playground recorded a real bot sending (_bot-replies-to-connector.json).
        Assert.Equal(
            "http://localhost:56150/_connector/v3/conversations/team-id%3Bmessageid%3D1795224238409/activities/a%2Fb%20c",
            uri.AbsoluteUri);
    }
}
