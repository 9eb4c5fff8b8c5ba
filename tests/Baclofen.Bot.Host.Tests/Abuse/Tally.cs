using System.Collections.Concurrent;
using System.Net;

namespace Baclofen.Bot.Host.Tests.Abuse;

/// <summary>Responses by status (and failures to get one), per attack, for the assertions and the printed figures.</summary>
internal sealed class Tally
{
    public const string ConnectionError = "connection error";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> _byAttack = new();

    public void Add(string attack, HttpStatusCode status) => Add(attack, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Add(string attack, string outcome) =>
        _byAttack.GetOrAdd(attack, _ => new()).AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public int Count(string outcome) => _byAttack.Values.Sum(d => d.GetValueOrDefault(outcome));

    public int Count(string attack, string outcome) => _byAttack.TryGetValue(attack, out var d) ? d.GetValueOrDefault(outcome) : 0;

    public override string ToString() =>
        string.Join('\n', _byAttack.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a =>
            $"  {a.Key}: {string.Join(", ", a.Value.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} x{s.Value}"))}"));
}
