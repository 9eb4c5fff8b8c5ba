using System.Text;
using Xunit.Abstractions;

namespace Baclofen.Bot.Tests.Evaluation;

/// <summary>Lets the evaluation's report printer write into a test's output.</summary>
internal sealed class OutputWriter(ITestOutputHelper output) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            output.WriteLine(_line.ToString());
            _line.Clear();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }
}
