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
        var cursor = new ArgumentCursor(args);
        while (cursor.MoveNext())
        {
            switch (cursor.Name)
            {
                case "--output":
                    output = cursor.Value();
                    break;
                case "--workers":
                    workers = cursor.Number(1, 4096);
                    break;
                case "--db":
                    database = cursor.Value();
                    break;
                case "--seeds":
                    seeds = ParseSeeds(cursor.Value());
                    break;
                case var _ when cursor.IsOption:
                    throw cursor.Unknown();
                default:
                    spec = spec is null ? cursor.Argument : throw new UsageException($"unexpected argument '{cursor.Argument}': one spec file per table");
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
