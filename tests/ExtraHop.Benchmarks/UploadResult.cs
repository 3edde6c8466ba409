using System.Collections.Generic;
using System.Linq;

namespace ExtraHop.Benchmarks;

/// <summary>
/// The upload rounds of both sides, and what the report takes from them: best throughput, least CPU and worst
/// memory growth of each side, and the median of the per-round ratios (each round's two uploads ran back to back,
/// so a ratio within a round is less exposed to load that comes and goes on a shared machine).
/// </summary>
internal sealed class UploadResult
{
    private readonly List<UploadSample> _module = new();
    private readonly List<UploadSample> _baseline = new();

    public UploadResult(long imageBytes, int rounds)
    {
        ImageBytes = imageBytes;
        Rounds = rounds;
    }

    public long ImageBytes { get; }
    public int Rounds { get; }

    public double ModuleBestMiBps => _module.Max(s => s.MiBps);
    public double BaselineBestMiBps => _baseline.Max(s => s.MiBps);
    public double ModuleLeastCpuPerGiB => _module.Min(s => s.CpuPerGiB);
    public double BaselineLeastCpuPerGiB => _baseline.Min(s => s.CpuPerGiB);
    public MemoryGrowth ModuleWorstGrowth => _module.Select(s => s.Growth).Aggregate(MemoryGrowth.Max);
    public MemoryGrowth BaselineWorstGrowth => _baseline.Select(s => s.Growth).Aggregate(MemoryGrowth.Max);

    public double MedianRoundRatio
    {
        get
        {
            var ratios = _module.Zip(_baseline, (m, b) => m.MiBps / b.MiBps).Order().ToArray();
            int middle = ratios.Length / 2;
            return ratios.Length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
        }
    }

    public void Add(bool baseline, double mibPerSecond, double cpuPerGiB, MemoryGrowth growth) =>
        (baseline ? _baseline : _module).Add(new UploadSample(mibPerSecond, cpuPerGiB, growth));

    private readonly record struct UploadSample(double MiBps, double CpuPerGiB, MemoryGrowth Growth);
}
