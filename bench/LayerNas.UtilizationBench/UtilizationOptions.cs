using System.Globalization;

namespace LayerNas.UtilizationBench;

/// <summary>The harness's arguments: the workload, and which slot counts, schedules and deployments to measure.</summary>
internal sealed record UtilizationOptions(
    int Layers, int Options, double Step, int Buckets, double Min, double Max,
    double Seconds, double SecondsPerCost, double Jitter,
    int[] Slots, string[] Schedules, string[] Modes, bool DispatchOrdersOnly)
{
    public const string Usage =
        "usage: LayerNas.UtilizationBench [--layers 8] [--options 8] [--step 5] [--buckets 24] [--min 90] [--max 230]\n" +
        "                                 [--seconds 0.01] [--seconds-per-cost 0.002] [--jitter 0]\n" +
        "                                 [--slots 1,4,16,32,64] [--schedules barrier,pipelined] [--modes embedded,cluster]\n" +
        "                                 [--dispatch-orders]  (simulate dispatch orders only, run nothing)";

    public static UtilizationOptions Parse(IReadOnlyList<string> args)
    {
        var options = new UtilizationOptions(8, 8, 5, 24, 90, 230, 0.01, 0.002, 0, [1, 4, 16, 32, 64], ["barrier", "pipelined"], ["embedded", "cluster"], false);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--dispatch-orders")
            {
                options = options with { DispatchOrdersOnly = true };
                continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"option {name} needs a value");
            options = name switch
            {
                "--layers" => options with { Layers = Count(name, value) },
                "--options" => options with { Options = Count(name, value) },
                "--step" => options with { Step = Number(name, value) },
                "--buckets" => options with { Buckets = Count(name, value) },
                "--min" => options with { Min = Number(name, value) },
                "--max" => options with { Max = Number(name, value) },
                "--seconds" => options with { Seconds = Number(name, value) },
                "--seconds-per-cost" => options with { SecondsPerCost = Number(name, value) },
                "--jitter" => options with { Jitter = Number(name, value) },
                "--slots" => options with { Slots = [.. value.Split(',').Select(s => Count(name, s))] },
                "--schedules" => options with { Schedules = Choices(name, value, "barrier", "pipelined") },
                "--modes" => options with { Modes = Choices(name, value, "embedded", "cluster") },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return options;
    }

    private static int Count(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"option {name} needs positive whole numbers, not '{text}'");

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentException($"option {name} needs a number ≥ 0, not '{text}'");

    private static string[] Choices(string name, string text, params string[] allowed)
    {
        var chosen = text.Split(',');
        return chosen.All(allowed.Contains) ? chosen : throw new ArgumentException($"option {name} takes {string.Join(" and/or ", allowed)}, comma-separated, not '{text}'");
    }
}
