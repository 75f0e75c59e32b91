using LayerNas.Cli.Specs;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Workers;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cli.Hosting;

/// <summary>What a node reads from its own disk: the tables specs name, and the trainers worker slots run.</summary>
public static class NodeFiles
{
    /// <summary>Compiles a spec with its tables read from disk; throws <see cref="SpecException"/> naming the first problem.</summary>
    public static CompiledSearch Compile(SearchSpec spec) => SearchFactory.Compile(spec, SpecFile.LoadTable);

    /// <summary>Validates a spec with its tables read from disk, as <see cref="Compile"/> would; throws <see cref="SpecException"/> naming the first problem.</summary>
    public static void Check(SearchSpec spec) => SpecValidator.Validate(spec, SpecFile.LoadTable);

    /// <summary>How worker slots build a search's trainer; process trainers write per-trial logs under <paramref name="logsDirectory"/>.</summary>
    public static TrainerProvider Trainers(string logsDirectory) =>
        spec => TrainerFactory.Create(spec.Trainer, SpaceBuilder.Build(spec), SpecFile.LoadTable, logsDirectory);

    /// <summary>
    /// Where a run keeps its trainers' logs: beside a SQLite database, named after it ("layernas.db" → "layernas-logs");
    /// "layernas-logs" in the working directory for a PostgreSQL database.
    /// </summary>
    public static string LogsDirectory(StorageSettings storage) => storage.IsSqlite
        ? Path.ChangeExtension(Path.GetFullPath(storage.Describe()), null) + "-logs"
        : Path.GetFullPath("layernas-logs");
}
