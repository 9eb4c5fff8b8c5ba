using Baclofen.Bot.Safety;
using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

public class EmergencyDetectorIngestionTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("i took 15 pills")]
    [InlineData("my dad swallowed 300 mg")]
    [InlineData("she took 8 tablets at once")]
    [InlineData("took 300mg at once")]
    [InlineData("swallowed 20 pills")]
    [InlineData("I took forty 10 mg baclofen")]
    [InlineData("he took 2 grams of baclofen")]
    [InlineData("my son drank 100ml of the baclofen liquid")]
    [InlineData("ate a handful of her pills")]
    [InlineData("took a bunch of baclofen")]
    [InlineData("took all my pills")]
    [InlineData("i took like 20")]
    [InlineData("she popped a dozen of my baclofen")]
    public void Taking_more_than_a_dose_is_an_overdose_report(string message)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
        Assert.Equal(EmergencyCategory.Overdose, result.Category);
    }

    [Theory]
    [InlineData("I took my two tablets like my doctor said")]
    [InlineData("I take 10mg three times a day")]
    [InlineData("i took 20mg this morning as usual")]
    [InlineData("i take 60mg a day")]
    [InlineData("my son takes 5ml of the liquid twice a day")]
    [InlineData("took the whole pack with me on holiday, do i need a letter")]
    [InlineData("i took my baclofen 20 minutes ago")]
    [InlineData("she has taken baclofen for 10 years")]
    [InlineData("took all my meds this morning like usual")]
    [InlineData("i took a lot of time off work because of the spasms")]
    [InlineData("can i take a whole tablet instead of half")]
    public void An_ordinary_dose_is_not_an_emergency(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("i'm going to take all my pills tonight")]
    [InlineData("thinking of swallowing the whole bottle")]
    public void Intending_to_take_everything_is_self_harm(string message)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency);
        Assert.Equal(EmergencyCategory.SelfHarm, result.Category);
    }

    [Theory]
    [InlineData("I take 40mg at bedtime")]
    [InlineData("my dad takes 12 tablets a day")]
    public void A_regimen_described_in_the_present_is_not_an_event(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("my son took 4 of my baclofen")]
    [InlineData("my 2 year old swallowed a tablet")]
    [InlineData("my toddler got hold of my baclofen")]
    public void Someone_taking_medicine_that_is_not_theirs_is_an_overdose_whatever_the_amount(string message)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.Equal(EmergencyCategory.Overdose, result.Category);
    }

    [Fact]
    public void Asking_whether_a_large_amount_is_safe_is_a_topic_question_answered_without_the_alarm()
    {
        // Issue 17: no card keyword, nobody in danger: the answer, whose disclaimer names the danger signs.
        var result = Detector.Assess("can i take 6 tablets at once?");

        Assert.False(result.IsEmergency);
        Assert.True(result.IsTopic);
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var strict = new EmergencyDetector(new SafetyOptions { Ingestion = new IngestionThresholds { MaxTabletsPerDose = 1 } });
        var lenient = new EmergencyDetector(new SafetyOptions { Ingestion = new IngestionThresholds { MaxTabletsPerDose = 10 } });

        Assert.True(strict.Assess("i took 3 tablets").IsEmergency);
        Assert.False(lenient.Assess("i took 3 tablets").IsEmergency);
        Assert.False(lenient.Assess("i took 8 tablets").IsEmergency);
    }

    [Fact]
    public void Milligram_threshold_separates_a_dose_from_an_overdose()
    {
        var options = new SafetyOptions();
        var detector = new EmergencyDetector(options);
        double limit = options.Ingestion.MaxMilligramsPerDose;

        Assert.False(detector.Assess($"i took {limit} mg").IsEmergency);
        Assert.True(detector.Assess($"i took {limit + 5} mg").IsEmergency);
    }
}
