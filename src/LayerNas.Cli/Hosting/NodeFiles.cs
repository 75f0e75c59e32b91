using LayerNas.Cli.Specs;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Workers;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cli.Hosting;

/// <summary>
/// What a node reads and runs for the specs it is given: the tables they name (as far as <paramref name="tables"/>
/// allows) and the process trainers its worker slots start (as far as <paramref name="trainers"/> allows), slot
/// <c>i</c> bound to <paramref name="gpus"/>[i] when the operator named GPUs.
/// </summary>
public sealed class NodeFiles(TableAccess tables, TrainerRegistry trainers, IReadOnlyList<string>? gpus = null)
{
    /// <summary>A node that is its user's own machine (<c>layernas run</c>, <c>bench build</c>): any table, any command, from the working folder.</summary>
    public static NodeFiles Trusted(IEnumerable<RegisteredTrainer>? registered = null) =>
        new(TableAccess.Anywhere, new TrainerRegistry(registered ?? [], trustsSpecCommands: true, Directory.GetCurrentDirectory()));

    /// <summary>Compiles a spec with its tables read from disk; throws <see cref="SpecException"/> naming the first problem.</summary>
    public CompiledSearch Compile(SearchSpec spec)
    {
        var compiled = SearchFactory.Compile(spec, tables.Load);
        CheckTrainer(spec);
        return compiled;
    }

    /// <summary>Validates a spec with its tables read from disk, as <see cref="Compile"/> would; throws <see cref="SpecException"/> naming the first problem.</summary>
    public void Check(SearchSpec spec)
    {
        SpecValidator.Validate(spec, tables.Load);
        CheckTrainer(spec);
    }

    /// <summary>How worker slots build a search's trainer; process trainers write per-trial logs under <paramref name="logsDirectory"/>.</summary>
    public TrainerProvider Trainers(string logsDirectory) =>
        (spec, slot) => TrainerFactory.Create(spec.Trainer, SpaceBuilder.Build(spec), tables.Load, Launch(logsDirectory, slot));

    /// <summary>How the slot of index <paramref name="slot"/> starts process trainers.</summary>
    public ProcessLaunch Launch(string logsDirectory, int slot) =>
        new(trainers, logsDirectory, new TrainerSlot(slot, gpus is { Count: > 0 } ? gpus[slot % gpus.Count] : null));

    /// <summary>
    /// Where a run keeps its trainers' logs: beside a SQLite database, named after it ("layernas.db" → "layernas-logs");
    /// "layernas-logs" in the working directory for a PostgreSQL database.
    /// </summary>
    public static string LogsDirectory(StorageSettings storage) => storage.IsSqlite
        ? Path.ChangeExtension(Path.GetFullPath(storage.Describe()), null) + "-logs"
        : Path.GetFullPath("layernas-logs");

    private void CheckTrainer(SearchSpec spec)
    {
        if (spec.Trainer?.Process is { } process && trainers.Refusal(process) is { } refusal)
        {
            throw new SpecException(refusal, "$.trainer.process");
        }
    }
}
