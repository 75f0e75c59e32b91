using System.Globalization;

namespace LayerNas.ThroughputBench;

/// <summary>The harness's arguments.</summary>
/// <param name="Readers">Dashboard readers during the search: each asks the coordinator for the search's page and its /metrics once a second.</param>
internal sealed record BenchOptions(int Layers, int Options, int Buckets, int Slots, string[] Storages, string Postgres, int Readers = 0)
{
    public const string Usage =
        "usage: LayerNas.ThroughputBench [--layers 30] [--options 20] [--buckets 30] [--slots 4] [--storage sqlite|postgresql|both] [--readers 0]\n" +
        "                                [--postgres CONNECTION]  (default: env LAYERNAS_BENCH_POSTGRES, else the .ci/run server)";

    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=layernas;Password=layernas;Database=postgres";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(30, 20, 30, 4, ["sqlite", "postgresql"],
            Environment.GetEnvironmentVariable("LAYERNAS_BENCH_POSTGRES") is { Length: > 0 } configured ? configured : DefaultPostgres);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"option {name} needs a value");
            options = name switch
            {
                "--layers" => options with { Layers = Number(name, value) },
                "--options" => options with { Options = Number(name, value) },
                "--buckets" => options with { Buckets = Number(name, value) },
                "--slots" => options with { Slots = Number(name, value) },
                "--readers" => options with { Readers = value == "0" ? 0 : Number(name, value) },
                "--storage" => options with
                {
                    Storages = value switch
                    {
                        "sqlite" or "postgresql" => [value],
                        "both" => ["sqlite", "postgresql"],
                        _ => throw new ArgumentException($"--storage takes sqlite, postgresql or both, not '{value}'"),
                    },
                },
                "--postgres" => options with { Postgres = value },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return options;
    }

    private static int Number(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"option {name} needs a positive whole number, not '{text}'");
}
