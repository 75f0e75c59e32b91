using System.CommandLine;
using System.Globalization;
using LayerNas.Cli.CommandLine;
using LayerNas.Cli.Run;

namespace LayerNas.Cli.Bench;

/// <summary>The arguments of <c>layernas bench build</c>.</summary>
public sealed record BenchBuildOptions(string SpecPath, string OutputPath, int Workers, string DatabasePath, IReadOnlyList<long>? Seeds)
{
    private static readonly Argument<string> SpecArgument = PlainArgument.Required("spec file", "SPEC", "the space to train: proto3 JSON of layernas.v1.SearchSpec; its strategy, target and trial budget are ignored");

    private static readonly Option<string> OutputOption = RequiredOption(ValueOption.Text("--output", "TABLE.csv", "where to write the table"));

    private static readonly Option<int?> WorkersOption = RunOptions.WorkerSlots();

    private static readonly Option<string> DbOption = ValueOption.Text("--db", "PATH", $"the SQLite journal; running again with the same one resumes the build [default: {RunOptions.DefaultDatabase}]");

    private static readonly Option<IReadOnlyList<long>> SeedsOption = ValueOption.Parsed<IReadOnlyList<long>>(
        "--seeds", "1,2,...", "train every architecture once per training seed, with the trainer's seed set to it (process and synthetic trainers)", ParseSeeds);

    /// <summary><c>layernas bench build</c>: its argument and options, without the action.</summary>
    internal static Command Command() => new(
        "build",
        "train every architecture of a small space and write a NATS-Bench-style table")
    {
        SpecArgument, OutputOption, WorkersOption, DbOption, SeedsOption,
    };

    /// <summary>The options a parsed <c>layernas bench build</c> command line gives.</summary>
    internal static BenchBuildOptions From(ParseResult result) => new(
        result.GetRequiredValue(SpecArgument),
        result.GetRequiredValue(OutputOption),
        result.GetValue(WorkersOption) ?? RunOptions.DefaultWorkers,
        result.GetValue(DbOption) ?? RunOptions.DefaultDatabase,
        result.GetValue(SeedsOption));

    private static Option<string> RequiredOption(Option<string> option)
    {
        option.Required = true;
        return option;
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
