using System.IO;

namespace ExtraHop.Benchmarks;

/// <summary>
/// The 1/5/15-minute load averages where the system tells them (Linux), so a reader can see whether other work
/// shared the cores while the wall-clock numbers were taken.
/// </summary>
internal static class MachineLoad
{
    public static string Describe()
    {
        const string source = "/proc/loadavg";
        if (!File.Exists(source))
        {
            return "unknown";
        }

        string[] fields = File.ReadAllText(source).Split(' ');
        return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]}" : "unknown";
    }
}
