using LayerNas.Cluster.Hosting;

namespace LayerNas.Cli.Run;

/// <summary>The arguments of <c>layernas run</c>.</summary>
public sealed record RunOptions(string SpecPath, int Workers, StorageSettings Storage, string? OutputPath, string? Strategy, ulong? Seed, long? MaxTrials)
{
    /// <summary>How to call the command.</summary>
    public const string Usage = "usage: layernas run SPEC [--workers N] [--db PATH|POSTGRESQL] [--output RESULT.json] [--strategy NAME] [--seed S] [--max-trials N]";

    /// <summary>The database a run uses unless told otherwise.</summary>
    public const string DefaultDatabase = "layernas.db";

    /// <summary>Reads the arguments after <c>run</c>; throws <see cref="UsageException"/> naming the first problem.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        string? spec = null, output = null, strategy = null;
        var database = DefaultDatabase;
        var workers = 1;
        ulong? seed = null;
        long? maxTrials = null;
        var cursor = new ArgumentCursor(args);
        while (cursor.MoveNext())
        {
            switch (cursor.Name)
            {
                case "--workers":
                    workers = cursor.Number(1, 4096);
                    break;
                case "--db":
                    database = cursor.Value();
                    break;
                case "--output":
                    output = cursor.Value();
                    break;
                case "--strategy":
                    strategy = cursor.Value();
                    break;
                case "--seed":
                    seed = cursor.Number(0UL, ulong.MaxValue);
                    break;
                case "--max-trials":
                    maxTrials = cursor.Number(1L, long.MaxValue);
                    break;
                case var _ when cursor.IsOption:
                    throw cursor.Unknown();
                default:
                    spec = spec is null ? cursor.Argument : throw new UsageException($"unexpected argument '{cursor.Argument}': one spec file per run");
                    break;
            }
        }
        return new RunOptions(spec ?? throw new UsageException("missing the spec file"), workers, ParseStorage(database), output, strategy, seed, maxTrials);
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
