namespace ExtraHop.Benchmarks;

/// <summary>The upload rounds, folded: best throughput, least CPU and worst memory growth of each side.</summary>
internal sealed class UploadResult
{
    public UploadResult(long imageBytes, int rounds)
    {
        ImageBytes = imageBytes;
        Rounds = rounds;
    }

    public long ImageBytes { get; }
    public int Rounds { get; }
    public double ModuleBestMiBps { get; private set; }
    public double BaselineBestMiBps { get; private set; }
    public double ModuleLeastCpuPerGiB { get; private set; } = double.MaxValue;
    public double BaselineLeastCpuPerGiB { get; private set; } = double.MaxValue;
    public MemoryGrowth ModuleWorstGrowth { get; private set; }
    public MemoryGrowth BaselineWorstGrowth { get; private set; }

    public void Add(bool baseline, double mibPerSecond, double cpuPerGiB, MemoryGrowth growth)
    {
        if (baseline)
        {
            BaselineBestMiBps = System.Math.Max(BaselineBestMiBps, mibPerSecond);
            BaselineLeastCpuPerGiB = System.Math.Min(BaselineLeastCpuPerGiB, cpuPerGiB);
            BaselineWorstGrowth = MemoryGrowth.Max(BaselineWorstGrowth, growth);
        }
        else
        {
            ModuleBestMiBps = System.Math.Max(ModuleBestMiBps, mibPerSecond);
            ModuleLeastCpuPerGiB = System.Math.Min(ModuleLeastCpuPerGiB, cpuPerGiB);
            ModuleWorstGrowth = MemoryGrowth.Max(ModuleWorstGrowth, growth);
        }
    }
}
