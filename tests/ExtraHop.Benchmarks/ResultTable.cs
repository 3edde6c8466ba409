using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ExtraHop.Benchmarks;

/// <summary>The report: one Markdown row per measurement, and the machine it ran on.</summary>
internal sealed class ResultTable
{
    private readonly List<string[]> _rows = new();

    public void Add(string measurement, string module, string baseline, string ratio, string goal, bool? met) =>
        _rows.Add(new[] { measurement, module, baseline, ratio, goal, met switch { true => "yes", false => "**no**", null => "-" } });

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| measurement | module | baseline | ratio | goal | met |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var row in _rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}"));
        return text.ToString();
    }
}
