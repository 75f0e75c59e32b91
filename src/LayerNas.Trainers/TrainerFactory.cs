using LayerNas.Core.Costs;
using LayerNas.Core.Space;
using LayerNas.Core.Synthetic;
using Spec = LayerNas.Protocol.V1;

namespace LayerNas.Trainers;

/// <summary>Builds the trainer a spec asks for; each worker slot gets its own instance.</summary>
public static class TrainerFactory
{
    /// <summary>
    /// The trainer of <paramref name="spec"/> over <paramref name="space"/>, loading tables through
    /// <paramref name="loadTable"/>; a process trainer runs what <paramref name="launch"/> lets it (a registered
    /// trainer, or a trusted command) and <paramref name="tableSeed"/> makes a tabular trainer read one seed's row
    /// instead of the mean. Throws <see cref="TrainerException"/> naming what is wrong.
    /// </summary>
    public static ITrainer Create(Spec.Trainer spec, SearchSpace space, Func<string, string, BenchmarkTable> loadTable, ProcessLaunch launch, ulong? tableSeed = null) => spec.KindCase switch
    {
        Spec.Trainer.KindOneofCase.Synthetic => Synthetic(spec.Synthetic, space),
        Spec.Trainer.KindOneofCase.Tabular => Tabular(spec.Tabular, loadTable, tableSeed),
        Spec.Trainer.KindOneofCase.Process => Process(spec.Process, space, launch),
        _ => throw new TrainerException("the spec names no trainer (synthetic, tabular or process)"),
    };

    private static ProcessTrainer Process(Spec.ProcessTrainer spec, SearchSpace space, ProcessLaunch launch)
    {
        var process = launch.Registry.Resolve(spec, launch.Slot);
        try
        {
            var folder = process.WorkingDirectory.Length > 0 ? process.WorkingDirectory : Directory.GetCurrentDirectory();
            return new ProcessTrainer(process, space, folder, launch.LogsDirectory);
        }
        catch (ArgumentException e)
        {
            throw new TrainerException($"the process trainer cannot start: {e.Message}", e);
        }
    }

    private static SyntheticTrainer Synthetic(Spec.SyntheticTrainer spec, SearchSpace space)
    {
        var interaction = spec.HasInteraction ? spec.Interaction : SyntheticReward.DefaultInteraction;
        if (!double.IsFinite(interaction) || interaction < 0)
        {
            throw new TrainerException($"the synthetic trainer's interaction must be a finite number ≥ 0, not {interaction}");
        }
        var seconds = spec.HasSeconds ? spec.Seconds : 0;
        if (!(seconds >= 0 && seconds <= SyntheticTrainer.MaxDelay.TotalSeconds))
        {
            throw new TrainerException($"the synthetic trainer's seconds must lie between 0 and {SyntheticTrainer.MaxDelay.TotalSeconds:0}, not {seconds}");
        }
        if (!(spec.SecondsPerCost >= 0 && double.IsFinite(spec.SecondsPerCost)))
        {
            throw new TrainerException($"the synthetic trainer's secondsPerCost must be a finite number ≥ 0, not {spec.SecondsPerCost}");
        }
        if (spec.Jitter is not (>= 0 and < 1))
        {
            throw new TrainerException($"the synthetic trainer's jitter must be ≥ 0 and < 1, not {spec.Jitter}");
        }
        return new SyntheticTrainer(new SyntheticReward(spec.Seed, interaction), space, new SyntheticDuration(seconds, spec.SecondsPerCost, spec.Jitter, spec.Seed));
    }

    private static TabularTrainer Tabular(Spec.TabularTrainer spec, Func<string, string, BenchmarkTable> loadTable, ulong? seed)
    {
        if (spec.Reward.Length == 0)
        {
            throw new TrainerException("the tabular trainer names no reward column");
        }
        BenchmarkTable table;
        try
        {
            table = loadTable(spec.Path, spec.Key);
        }
        catch (Exception e) when (e is not TrainerException)
        {
            throw new TrainerException($"cannot load the table '{spec.Path}': {e.Message}", e);
        }
        if (spec.Key.Length > 0 && spec.Key != table.KeyColumn)
        {
            throw new TrainerException($"the table '{spec.Path}' is keyed by '{table.KeyColumn}', the trainer names the key '{spec.Key}'");
        }
        return new TabularTrainer(table, spec.Reward, spec.Metrics, seed);
    }
}
