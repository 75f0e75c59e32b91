using System.CommandLine;
using LayerNas.Cli.CommandLine;
using LayerNas.Cluster.Hosting;
using LayerNas.Trainers;
using LayerNas.Node.Api;
using LayerNas.Node.Web;

namespace LayerNas.Cli.Run;

/// <summary>The arguments of <c>layernas run</c>.</summary>
/// <remarks><c>Dashboard</c>: where to serve the dashboard while the search runs (loopback only: a run has no token); null for none.</remarks>
public sealed record RunOptions(string SpecPath, int Workers, StorageSettings Storage, string? OutputPath, string? Strategy, ulong? Seed, long? MaxTrials, ApiEndpoint? Dashboard = null)
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

    private static readonly Option<string?> DashboardOption = new("--dashboard")
    {
        HelpName = "URL",
        Arity = ArgumentArity.ZeroOrOne,
        Description = $"serve the live dashboard while the search runs, on this machine only [URL default: {NodeWebSettings.DefaultUrl} or the next free port]",
    };

    /// <summary><c>layernas run</c>: its argument and options, without the action.</summary>
    internal static Command Command() => new(
        "run",
        "search a spec on this machine, in one process; run it again to resume the search")
    {
        SpecArgument, WorkersOption, DbOption, OutputOption, SpecOverrideOptions.Strategy, SpecOverrideOptions.Seed, SpecOverrideOptions.MaxTrials, TrainerOption, DashboardOption,
    };

    /// <summary>The options a parsed <c>layernas run</c> command line gives.</summary>
    internal static RunOptions From(ParseResult result) => new(
        result.GetRequiredValue(SpecArgument),
        result.GetValue(WorkersOption) ?? DefaultWorkers,
        result.GetValue(DbOption) ?? StorageSettings.Parse(DefaultDatabase),
        result.GetValue(OutputOption),
        result.GetValue(SpecOverrideOptions.Strategy),
        result.GetValue(SpecOverrideOptions.Seed),
        result.GetValue(SpecOverrideOptions.MaxTrials),
        result.GetResult(DashboardOption) is null ? null : result.GetValue(DashboardOption) is { } url ? DashboardOf(url) : DefaultWebEndpoint.Pick())
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

    private static ApiEndpoint DashboardOf(string url)
    {
        ApiEndpoint endpoint;
        try
        {
            endpoint = ApiEndpoint.Parse(url, "dashboard URL");
        }
        catch (FormatException e)
        {
            throw new UsageException($"option --dashboard: {e.Message}");
        }
        return endpoint.IsLoopback
            ? endpoint
            : throw new UsageException($"option --dashboard: a run serves its dashboard on this machine only (a loopback address such as {NodeWebSettings.DefaultUrl}); a cluster node serves it beyond, behind its token");
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
