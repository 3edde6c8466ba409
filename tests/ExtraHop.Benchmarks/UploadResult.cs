namespace ExtraHop.Benchmarks;

/// <summary>The upload rounds, folded: best throughput and worst memory growth of each side.</summary>
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
    public MemoryGrowth ModuleWorstGrowth { get; private set; }
    public MemoryGrowth BaselineWorstGrowth { get; private set; }

    public void Add(bool baseline, double mibPerSecond, MemoryGrowth growth)
    {
        if (baseline)
        {
            BaselineBestMiBps = System.Math.Max(BaselineBestMiBps, mibPerSecond);
            BaselineWorstGrowth = MemoryGrowth.Max(BaselineWorstGrowth, growth);
        }
        else
        {
            ModuleBestMiBps = System.Math.Max(ModuleBestMiBps, mibPerSecond);
            ModuleWorstGrowth = MemoryGrowth.Max(ModuleWorstGrowth, growth);
        }
    }
}
