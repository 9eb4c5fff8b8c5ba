using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>
/// Writing one expectReplies body (a real FAQ answer's replies, taken from one turn of the real bot)
/// into a reused buffer: ActivityJsonWriter, against the serializer it must match byte for byte.
/// </summary>
[MemoryDiagnoser]
public class ReplyWritingBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private ExpectedReplies _replies = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        await using var app = TurnBenchmarks.BuildBot();
        var incoming = TurnBenchmarks.Incoming("bench", Messages.For("question"));
        _replies = (await app.Services.GetRequiredService<CloudAdapter>().ProcessActivityAsync(incoming, app.Services.GetRequiredService<IBot>()))!;
        _writer = new Utf8JsonWriter(_buffer, ProtocolJson.WriterOptions);
        Serializer();
        var expected = _buffer.WrittenSpan.ToArray();
        ActivityWriter();
        if (!_buffer.WrittenSpan.SequenceEqual(expected))
        {
            throw new InvalidOperationException("ActivityJsonWriter and the serializer wrote different bytes: the comparison would be meaningless.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Serializer()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _replies, ProtocolJson.Options);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int ActivityWriter()
    {
        Reset();
        ActivityJsonWriter.Write(_writer, _replies);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
