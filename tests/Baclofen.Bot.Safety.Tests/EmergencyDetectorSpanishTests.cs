using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>The plainest emergencies in Spanish are read by the rules themselves, not left to
/// the classifier alone; Spanish history stays history. Chinese text, which has no spaces, reaches
/// the classifier as characters.</summary>
public class EmergencyDetectorSpanishTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("mi papá está convulsionando y no sé qué hacer")]
    [InlineData("le está dando una convulsión a mi hija")]
    [InlineData("mi abuela no puede respirar bien, toma baclofeno")]
    [InlineData("dejó de respirar hace un momento")]
    [InlineData("tiene los labios morados y respira muy raro")]
    [InlineData("mi esposo no despierta, lo muevo y nada")]
    [InlineData("está inconsciente en el piso del baño")]
    [InlineData("se me está hinchando la lengua después de la pastilla")]
    [InlineData("mi niña de dos años se tragó unas pastillas de baclofeno")]
    [InlineData("el perrito mordió el frasco y se comió varias tabletas")]
    [InlineData("ya no quiero vivir")]
    [InlineData("voy a tomarme todas las pastillas esta noche")]
    public void Plain_spanish_emergencies_fire(string message)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
    }

    [Theory]
    [InlineData("mi hijo tuvo convulsiones hace años, puede tomar baclofeno?")]
    [InlineData("me cuesta despertar en la mañana con el baclofeno")]
    [InlineData("de niño tuve convulsiones pero nunca más")]
    public void Spanish_history_and_ordinary_sleepiness_get_no_alarm(string message)
    {
        Assert.False(Detector.Assess(message).IsEmergency, message);
    }

    [Fact]
    public void Chinese_text_is_read_past_its_first_24_characters()
    {
        // Before, a sentence without spaces was one word cut at 24 characters, so two messages
        // that differ only at the end had the same features.
        const string opening = "我今天去了医院看医生然后回家吃了饭然后又出去买了东西";
        var calm = Features(opening + "一切都很好");
        var alarm = Features(opening + "现在在抽搐");
        Assert.NotEqual(calm, alarm);
        Assert.Contains(Features("抽搐")[0], alarm);
    }

    private static uint[] Features(string text)
    {
        var sink = new Collector();
        HashedNGrams.Extract(text, ref sink);
        return [.. sink.Hashes];
    }

    private struct Collector() : IFeatureSink
    {
        public readonly List<uint> Hashes = [];
        public void Add(uint hash) => Hashes.Add(hash);
    }
}
