using Baclofen.Bot.Knowledge.Retrieval;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

public class MessageSegmentsTests
{
    [Fact]
    public void A_wrapped_question_splits_into_its_clauses()
    {
        Assert.Equal(["my dad has been on baclofen for years", "lately it does nothing", "is that normal"],
            MessageSegments.Split("my dad has been on baclofen for years, lately it does nothing. is that normal?"));
    }

    [Fact]
    public void A_single_clause_is_not_split()
    {
        Assert.Empty(MessageSegments.Split("does baclofen work immediately?"));
    }
}
