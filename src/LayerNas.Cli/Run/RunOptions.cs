using System.CommandLine;
using LayerNas.Cli.CommandLine;
using LayerNas.Cluster.Hosting;
using LayerNas.Trainers;

namespace LayerNas.Cli.Run;

/// <summary>The arguments of <c>layernas run</c>.</summary>
public sealed record RunOptions(string SpecPath, int Workers, StorageSettings Storage, string? OutputPath, string? Strategy, ulong? Seed, long? MaxTrials)
{
    /// <summary>Process trainers the spec may run by name (<c>--trainer NAME=COMMAND</c>).</summary>
    public IReadOnlyList<RegisteredTrainer> Trainers { get; init; } = [];

    /// <summary>The database a run uses unless told otherwise.</summary>
    public const string DefaultDatabase = "layernas.db";

    /// <summary>Worker slots of a run unless told otherwise.</summary>
    public const int DefaultWorkers = 1;

    private static readonly Argument<string> SpecArgument = PlainArgument.Required("spec file", "SPEC", "the search: proto3 JSON of layernas.v1.SearchSpec");

    private static readonly Option<int?> WorkersOption = WorkerSlots();

    private static readonly Option<StorageSettings> DbOption = ValueOption.Parsed(
        "--db", "PATH|POSTGRESQL",
        $"the journal: a SQLite file, or a PostgreSQL connection string or postgresql:// URL [default: {DefaultDatabase}]",
        ParseStorage);

    private static readonly Option<string> OutputOption = ValueOption.Text("--output", "RESULT.json", "also write the result there, as proto3 JSON of layernas.v1.SearchResult");

    private static readonly Option<IReadOnlyList<RegisteredTrainer>> TrainerOption = ValueOption.Create(
        "--trainer", "NAME=COMMAND", TrainerRegistrations.Description, values => TrainerRegistrations.Parse(values, "option --trainer"));

    /// <summary><c>layernas run</c>: its argument and options, without the action.</summary>
    internal static Command Command() => new(
        "run",
        "search a spec on this machine, in one process; run it again to resume the search")
    {
        SpecArgument, WorkersOption, DbOption, OutputOption, SpecOverrideOptions.Strategy, SpecOverrideOptions.Seed, SpecOverrideOptions.MaxTrials, TrainerOption,
    };

    /// <summary>The options a parsed <c>layernas run</c> command line gives.</summary>
    internal static RunOptions From(ParseResult result) => new(
        result.GetRequiredValue(SpecArgument),
        result.GetValue(WorkersOption) ?? DefaultWorkers,
        result.GetValue(DbOption) ?? StorageSettings.Parse(DefaultDatabase),
        result.GetValue(OutputOption),
        result.GetValue(SpecOverrideOptions.Strategy),
        result.GetValue(SpecOverrideOptions.Seed),
        result.GetValue(SpecOverrideOptions.MaxTrials))
    {
        Trainers = result.GetValue(TrainerOption) ?? [],
    };

    /// <summary><c>--workers N</c> of <c>run</c> and <c>bench build</c>: worker slots in the one process.</summary>
    internal static Option<int?> WorkerSlots()
    {
        var option = ValueOption.Number("--workers", "N", "worker slots: trials trained at once", 1, 4096);
        option.DefaultValueFactory = _ => DefaultWorkers;
        return option;
    }

    private static StorageSettings ParseStorage(string database)
    {
        try
        {
            return StorageSettings.Parse(database);
        }
        catch (FormatException e)
        {
            throw new UsageException($"option --db: {e.Message}");
        }
    }
}
