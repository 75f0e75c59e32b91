using System.Globalization;
using System.Text;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Benchmarking;

/// <summary>
/// Writes the NATS-Bench-style table of an exhaustively trained space: one row per architecture and training seed,
/// keyed by the option names joined by ':'.
/// </summary>
/// <remarks>
/// Columns: <c>arch</c>; <c>seed</c> when the table holds chosen training seeds; the cost columns — <c>params</c> and
/// <c>macs</c> computed by the <c>conv-macs</c> model for its spaces, otherwise <c>cost</c> from the search's cost
/// model; <c>val_acc</c>, the trial's reward; every metric the trainer reported (its measured costs included), by
/// name; <c>train_seconds</c>, the training time the trainer reported as its <c>train_seconds</c> metric, or the
/// trial's wall-clock time when it reports none; <c>trial_seconds</c>, the trial's wall-clock time on its worker.
/// Rows follow the space's canonical order, seeds in the order given. Numbers are written in their shortest exact
/// form, so a table reads back the very doubles the trainer sent.
/// </remarks>
public static class BenchmarkTableBuilder
{
    /// <summary>The key column.</summary>
    public const string KeyColumn = "arch";

    /// <summary>The reward column.</summary>
    public const string RewardColumn = "val_acc";

    /// <summary>The training seed column, present when seeds were chosen.</summary>
    public const string SeedColumn = BenchmarkTable.SeedColumn;

    /// <summary>The training time column.</summary>
    public const string TrainSecondsColumn = "train_seconds";

    /// <summary>The trial's wall-clock time column.</summary>
    public const string TrialSecondsColumn = "trial_seconds";

    /// <summary>
    /// The table of <paramref name="runs"/> over every architecture of <paramref name="space"/>. Throws
    /// <see cref="InvalidOperationException"/> when a trainer's measured <c>params</c> or <c>macs</c> differ from the
    /// <c>conv-macs</c> model's, or a metric is named like one of the table's own columns.
    /// </summary>
    public static BuiltTable Build(SearchSpace space, ICostModel costModel, IReadOnlyList<SeedTrials> runs)
    {
        var conv = costModel as ConvMacsCostModel;
        var costColumns = conv is not null ? new[] { "params", "macs" } : ["cost"];
        var seeded = runs.Any(r => r.Seed is not null);
        var trained = runs.Select(r => r.Trials.Where(t => !t.Failed).ToDictionary(t => string.Join(':', t.Architecture), StringComparer.Ordinal)).ToList();
        var failed = runs.Select(r => r.Trials.Where(t => t.Failed).ToDictionary(t => string.Join(':', t.Architecture), StringComparer.Ordinal)).ToList();
        var own = new HashSet<string>(StringComparer.Ordinal) { KeyColumn, SeedColumn, RewardColumn, TrainSecondsColumn, TrialSecondsColumn };
        own.UnionWith(costColumns);
        var metrics = trained.SelectMany(t => t.Values).SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var clash = metrics.FirstOrDefault(m => own.Contains(m) && !(conv is not null && costColumns.Contains(m)) && m != TrainSecondsColumn);
        if (clash is not null)
        {
            throw new InvalidOperationException($"the trainer reports a metric named '{clash}', which is one of the table's own columns");
        }
        var metricColumns = metrics.Where(m => !own.Contains(m)).ToList();

        var header = new List<string> { KeyColumn };
        if (seeded)
        {
            header.Add(SeedColumn);
        }
        header.AddRange(costColumns);
        header.Add(RewardColumn);
        header.AddRange(metricColumns);
        header.Add(TrainSecondsColumn);
        header.Add(TrialSecondsColumn);

        var csv = new StringBuilder().AppendJoin(',', header).Append('\n');
        var rows = 0;
        var missing = new List<string>();
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            for (var run = 0; run < runs.Count; run++)
            {
                var seed = runs[run].Seed;
                if (!trained[run].TryGetValue(key, out var trial))
                {
                    var why = failed[run].TryGetValue(key, out var failure) ? $"failed after {failure.Attempts} attempts: {failure.FailureReason}" : "not trained";
                    missing.Add(seed is null ? $"{key} ({why})" : $"{key} seed {seed} ({why})");
                    continue;
                }
                var cells = new List<string> { key };
                if (seeded)
                {
                    cells.Add(seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "");
                }
                if (conv is not null)
                {
                    var figures = conv.Figures(architecture);
                    cells.Add(Checked(trial, "params", figures.Params));
                    cells.Add(Checked(trial, "macs", figures.Macs));
                }
                else
                {
                    cells.Add(Number(costModel.Cost(architecture)));
                }
                cells.Add(Number(trial.Reward));
                cells.AddRange(metricColumns.Select(m => trial.Metrics.TryGetValue(m, out var value) ? Number(value) : ""));
                cells.Add(Number(trial.Metrics.TryGetValue(TrainSecondsColumn, out var trainSeconds) ? trainSeconds : trial.Seconds));
                cells.Add(Number(trial.Seconds));
                csv.AppendJoin(',', cells).Append('\n');
                rows++;
            }
        }
        return new BuiltTable(csv.ToString(), rows, missing);
    }

    /// <summary>Throws <see cref="SpecException"/> for an option name a CSV cell cannot hold as it is (a ',' or a '"').</summary>
    public static void CheckOptionNames(SearchSpec spec)
    {
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            for (var o = 0; o < spec.Layers[l].Options.Count; o++)
            {
                var name = spec.Layers[l].Options[o].Name;
                if (name.IndexOfAny([',', '"', '\n', '\r']) >= 0)
                {
                    throw new SpecException($"option name {Quoted.Text(name)} cannot be a table key: it holds a ',', a '\"' or a line break", $"$.layers[{l}].options[{o}].name");
                }
            }
        }
    }

    private static string Checked(TrialRecord trial, string name, long computed)
    {
        if (trial.Metrics.TryGetValue(name, out var measured) && measured != computed)
        {
            throw new InvalidOperationException(
                $"the trainer measured {name} {Number(measured)} for {string.Join(':', trial.Architecture)}, the conv-macs model computes {computed}: the trainer does not build the network the cost model prices");
        }
        return computed.ToString(CultureInfo.InvariantCulture);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
