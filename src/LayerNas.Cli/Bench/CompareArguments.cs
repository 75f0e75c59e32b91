using System.Globalization;
using LayerNas.Core.Benchmarking;
using LayerNas.Core.Specs;

namespace LayerNas.Cli.Bench;

/// <summary>What <c>layernas bench compare</c> was asked to do, read from the arguments that follow <c>bench compare</c>.</summary>
internal sealed record CompareArguments(string SpecPath, int Runs, IReadOnlyList<long> Budgets, IReadOnlyList<string> Strategies, string OutputDir)
{
    /// <summary>The command's synopsis.</summary>
    public const string Usage =
        "usage: layernas bench compare SPEC [--runs 100] [--budgets 25,50,100,200,400] [--strategies layernas,random,evolution,reinforce,ppo] [--output-dir DIR]";

    private static readonly string[] Options = ["--runs", "--budgets", "--strategies", "--output-dir"];

    /// <summary>Whether the arguments ask for the usage text instead of a run.</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    /// <summary>Reads the arguments; throws <see cref="UsageException"/> for the first one that cannot be used.</summary>
    public static CompareArguments Parse(IReadOnlyList<string> args)
    {
        string? specPath = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var cursor = new ArgumentCursor(args);
        while (cursor.MoveNext())
        {
            if (!cursor.IsOption)
            {
                specPath = specPath is null ? cursor.Argument : throw new UsageException($"unexpected argument '{cursor.Argument}': give one spec file");
                continue;
            }
            if (!Options.Contains(cursor.Name))
            {
                throw new UsageException($"unknown option '{cursor.Name}' (expected one of: {string.Join(", ", Options)})");
            }
            if (values.ContainsKey(cursor.Name))
            {
                throw new UsageException($"{cursor.Name} is given twice");
            }
            values[cursor.Name] = cursor.Value();
        }
        if (specPath is null)
        {
            throw new UsageException("missing the spec file");
        }
        return new CompareArguments(
            specPath,
            values.TryGetValue("--runs", out var runs) ? ParseRuns(runs) : ComparisonPlan.DefaultRuns,
            values.TryGetValue("--budgets", out var budgets) ? ParseBudgets(budgets) : ComparisonPlan.DefaultBudgets,
            values.TryGetValue("--strategies", out var strategies) ? ParseStrategies(strategies) : ComparisonPlan.DefaultStrategies,
            values.TryGetValue("--output-dir", out var outputDir) ? ParseOutputDir(outputDir) : ".");
    }

    private static int ParseRuns(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs >= 1
            ? runs
            : throw new UsageException($"--runs must be a whole number of at least 1, not '{text}'");

    private static List<long> ParseBudgets(string text)
    {
        var budgets = new List<long>();
        foreach (var item in text.Split(','))
        {
            if (!long.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var budget) || budget < 1)
            {
                throw new UsageException($"--budgets must list whole numbers of trials of at least 1 separated by commas, not '{text}'");
            }
            if (budgets.Contains(budget))
            {
                throw new UsageException($"--budgets lists {budget} twice");
            }
            budgets.Add(budget);
        }
        return budgets;
    }

    private static List<string> ParseStrategies(string text)
    {
        var strategies = new List<string>();
        foreach (var item in text.Split(',').Select(s => s.Trim()))
        {
            if (!SearchFactory.StrategyNames.Contains(item))
            {
                throw new UsageException($"--strategies: unknown strategy '{item}' (expected one of: {string.Join(", ", SearchFactory.StrategyNames)})");
            }
            if (strategies.Contains(item))
            {
                throw new UsageException($"--strategies lists '{item}' twice");
            }
            strategies.Add(item);
        }
        return strategies;
    }

    private static string ParseOutputDir(string text) =>
        text.Trim().Length > 0 ? text : throw new UsageException("--output-dir needs a folder");
}
