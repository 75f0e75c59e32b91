using LayerNas.Cli.Client;
using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Run;

/// <summary>The answer of a search, for people (a few lines) and for programs (proto3 JSON).</summary>
public static class ResultReport
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    /// <summary>Prints the best architecture (layer=option), its reward and cost, and the trial counts.</summary>
    public static void Print(SearchSpec spec, SearchResult result, TextWriter output) =>
        Print([.. spec.Layers.Select(l => l.Name)], result, output);

    /// <summary>Prints the result with the spec's layer names; a cancelled search says so first.</summary>
    public static void Print(IReadOnlyList<string> layerNames, SearchResult result, TextWriter output)
    {
        if (result.Status == "cancelled")
        {
            output.WriteLine("cancelled: the best found before the search was stopped");
        }
        if (result.Best is { } best)
        {
            output.WriteLine($"best: {Names(layerNames, best)}");
            output.WriteLine($"reward {best.Reward:0.######}, cost {best.Cost:0.###}");
        }
        else
        {
            output.WriteLine("best: none — no trained architecture lies in the cost target");
        }
        output.WriteLine($"trials: {result.TrialsTrained} trained, {result.TrialsFailed} failed, {result.TrialsCached} cached{StatusLines.Reused(result.TrialsReused)}");
        if (result.Targets.Count > 0)
        {
            PrintTargets(layerNames, result, output);
        }
    }

    /// <summary>One line per target, then the trials one search saved against a search per target.</summary>
    private static void PrintTargets(IReadOnlyList<string> layerNames, SearchResult result, TextWriter output)
    {
        foreach (var target in result.Targets)
        {
            var max = double.IsPositiveInfinity(target.Max) ? "any" : $"{target.Max:0.###}";
            var range = $"cost {target.Min:0.###} to {max}";
            var answer = target.Best is { } best ? $"{Names(layerNames, best)}, reward {best.Reward:0.######}, cost {best.Cost:0.###}" : "none";
            output.WriteLine($"target {range}: {answer} ({target.Trials} trials searched alone)");
        }
        var together = result.TrialsTrained + result.TrialsFailed;
        var apart = result.Targets.Sum(t => t.Trials);
        output.WriteLine($"targets: {together} trials for {result.Targets.Count} targets, {apart} in separate searches ({apart - together} saved)");
    }

    private static string Names(IReadOnlyList<string> layerNames, Candidate candidate) =>
        string.Join(" ", candidate.Architecture.Select((option, layer) => layer < layerNames.Count ? $"{layerNames[layer]}={option}" : option));

    /// <summary>Writes the result as indented proto3 JSON, default values included, creating the folder if needed.</summary>
    public static void Write(SearchResult result, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(path, Json.Format(result) + Environment.NewLine);
    }
}
