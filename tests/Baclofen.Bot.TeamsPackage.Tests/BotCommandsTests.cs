namespace Baclofen.Bot.TeamsPackage.Tests;

public class BotCommandsTests
{
    [Fact]
    public void Each_command_other_than_help_is_a_question_phrasing_in_the_faq()
    {
        var questions = FaqQuestions();

        Assert.All(BotCommands.All.Where(c => c.Title != "help"), command =>
            Assert.Contains(Key(command.Title), questions));
    }

    private static HashSet<string> FaqQuestions()
    {
        var questions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "faq"), "*.md"))
        {
            var inQuestions = false;
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("questions:", StringComparison.Ordinal))
                {
                    inQuestions = true;
                }
                else if (inQuestions && line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    questions.Add(Key(line.TrimStart()[2..]));
                }
                else if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
                {
                    inQuestions = false;
                }
            }
        }

        Assert.NotEmpty(questions);
        return questions;
    }

    private static string Key(string question) => question.Trim().Trim('"', '\'').TrimEnd('?').ToLowerInvariant();
}
