using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Tests.Pipeline;

/// <summary>Multi-turn context with the real FAQ and retriever, as the host builds them.</summary>
public sealed class ServedConversationTests
{
    private static readonly Lazy<TurnPipeline> Pipeline = new(() =>
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .Build();
        return BotComposition.CreatePipeline(configuration, BotComposition.LoadCatalog(configuration, AppContext.BaseDirectory));
    });

    private static BotReply Answer(TurnResult result) => Assert.Single(result.Replies, r => r.Kind == ReplyKind.Answer);

    [Theory]
    [InlineData("how long does baclofen take to work?", "onset", "and how long does it last?", "duration-half-life")]
    [InlineData("can I drink alcohol on baclofen", "alcohol-interaction", "what about opioids?", "opioid-interaction")]
    [InlineData("how long does baclofen take to work?", "onset", "what if I miss one?", "missed-dose")]
    public void Follow_up_is_answered_in_the_light_of_the_previous_answer(string first, string firstId, string followUp, string expectedId)
    {
        var opening = Pipeline.Value.Process(first);
        Assert.Equal(firstId, Answer(opening).FaqId);

        var next = Pipeline.Value.Process(followUp, opening.Memory);

        Assert.Equal(expectedId, Answer(next).FaqId);
    }

    [Fact]
    public void Standalone_question_after_an_answer_gets_its_own_answer()
    {
        var opening = Pipeline.Value.Process("can I drink alcohol on baclofen");

        var next = Pipeline.Value.Process("how long does baclofen take to work?", opening.Memory);

        Assert.Equal("onset", Answer(next).FaqId);
        Assert.False(next.UsedContext);
    }

    [Fact]
    public void Without_memory_every_message_is_a_first_turn_as_the_evaluation_needs()
    {
        Pipeline.Value.Process("can I drink alcohol on baclofen");

        var alone = Pipeline.Value.Process("is that dangerous?");

        // With memory, the previous answer would make this an alcohol question; without it, it has no subject.
        Assert.False(alone.UsedContext);
        Assert.DoesNotContain(alone.Replies, r => r.FaqId == "alcohol-interaction");
    }
}
