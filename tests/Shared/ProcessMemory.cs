using System.Globalization;

namespace Baclofen.Bot.Testing;

/// <summary>
/// A process's memory as Linux reports it in /proc/PID/status (VmRSS now, VmHWM its peak): the
/// figure a clinic's VM sees, which the runtime's own counters leave out (JIT, native buffers).
/// </summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int processId) => Read(processId, "VmRSS:");

    public static long PeakResidentBytes(int processId) => Read(processId, "VmHWM:");

    // 0 when the process is gone or the field is missing: callers report figures, they don't fail on them.
    private static long Read(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
