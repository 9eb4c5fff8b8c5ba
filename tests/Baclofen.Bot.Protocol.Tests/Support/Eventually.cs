namespace Baclofen.Bot.Protocol.Tests.Support;

internal static class Eventually
{
    /// <summary>
    /// Waits for something another task does (a continuation after a timer fired). The limit
    /// only bounds a broken run; it is not a performance assertion.
    /// </summary>
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for: {what}");
            }

            await Task.Delay(5);
        }
    }
}
