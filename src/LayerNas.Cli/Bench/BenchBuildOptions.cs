using System.Globalization;
using LayerNas.Cli.Run;

namespace LayerNas.Cli.Bench;

/// <summary>The arguments of <c>layernas bench build</c>.</summary>
public sealed record BenchBuildOptions(string SpecPath, string OutputPath, int Workers, string DatabasePath, IReadOnlyList<long>? Seeds)
{
    /// <summary>How to call the command.</summary>
    public const string Usage = "usage: layernas bench build SPEC --output TABLE.csv [--workers N] [--db PATH] [--seeds 1,2,...]";

    /// <summary>Reads the arguments after <c>bench build</c>; throws <see cref="UsageException"/> naming the first problem.</summary>
    public static BenchBuildOptions Parse(IReadOnlyList<string> args)
    {
        string? spec = null, output = null;
        var database = RunOptions.DefaultDatabase;
        var workers = 1;
        IReadOnlyList<long>? seeds = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            string Value() => inline is { Length: > 0 } || (inline is null && i + 1 < args.Count && args[i + 1].Length > 0)
                ? inline ?? args[++i]
                : throw new UsageException($"option {name} needs a value");
            switch (name)
            {
                case "--output":
                    output = Value();
                    break;
                case "--workers":
                    var text = Value();
                    workers = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4096
                        ? n
                        : throw new UsageException($"option --workers needs a whole number from 1 to 4096, not '{text}'");
                    break;
                case "--db":
                    database = Value();
                    break;
                case "--seeds":
                    seeds = ParseSeeds(Value());
                    break;
                default:
                    if (name.StartsWith('-') && name.Length > 1)
                    {
                        throw new UsageException($"unknown option {name}");
                    }
                    spec = spec is null ? arg : throw new UsageException($"unexpected argument '{arg}': one spec file per table");
                    break;
            }
        }
        return new BenchBuildOptions(
            spec ?? throw new UsageException("missing the spec file"),
            output ?? throw new UsageException("missing --output TABLE.csv: where to write the table"),
            workers,
            database,
            seeds);
    }

    private static IReadOnlyList<long> ParseSeeds(string text)
    {
        var seeds = new List<long>();
        foreach (var part in text.Split(','))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            {
                throw new UsageException($"option --seeds needs whole numbers ≥ 0 separated by commas, not '{text}'");
            }
            if (seeds.Contains(seed))
            {
                throw new UsageException($"option --seeds names seed {seed} twice");
            }
            seeds.Add(seed);
        }
        return seeds;
    }
}
