using System.Globalization;
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
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option {name} needs a value"));
            switch (name)
            {
                case "--workers":
                    workers = Number(name, Value(), 1, 4096, int.Parse);
                    break;
                case "--db":
                    database = NonEmpty(name, Value());
                    break;
                case "--output":
                    output = NonEmpty(name, Value());
                    break;
                case "--strategy":
                    strategy = NonEmpty(name, Value());
                    break;
                case "--seed":
                    seed = Number(name, Value(), 0UL, ulong.MaxValue, ulong.Parse);
                    break;
                case "--max-trials":
                    maxTrials = Number(name, Value(), 1L, long.MaxValue, long.Parse);
                    break;
                default:
                    if (name.StartsWith('-') && name.Length > 1)
                    {
                        throw new UsageException($"unknown option {name}");
                    }
                    spec = spec is null ? arg : throw new UsageException($"unexpected argument '{arg}': one spec file per run");
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

    private static string NonEmpty(string option, string value) =>
        value.Length > 0 ? value : throw new UsageException($"option {option} needs a value");

    /// <summary>Reads a whole number within bounds; throws <see cref="UsageException"/> naming the option otherwise.</summary>
    internal static T Number<T>(string option, string text, T min, T max, Func<string, NumberStyles, IFormatProvider, T> parse) where T : IComparable<T>
    {
        T value;
        try
        {
            value = parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new UsageException($"option {option} needs a whole number from {min} to {max}, not '{text}'");
        }
        return value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0
            ? value
            : throw new UsageException($"option {option} needs a whole number from {min} to {max}, not '{text}'");
    }
}
