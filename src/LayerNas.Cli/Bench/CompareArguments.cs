using System.CommandLine;
using System.Globalization;
using LayerNas.Cli.CommandLine;
using LayerNas.Core.Benchmarking;
using LayerNas.Core.Specs;

namespace LayerNas.Cli.Bench;

/// <summary>What <c>layernas bench compare</c> was asked to do.</summary>
internal sealed record CompareArguments(string SpecPath, int Runs, IReadOnlyList<long> Budgets, IReadOnlyList<string> Strategies, string OutputDir)
{
    private static readonly Argument<string> SpecArgument = PlainArgument.Required("spec file", "SPEC", "a table-backed search: proto3 JSON of layernas.v1.SearchSpec whose trainer is tabular");

    // Takes the words no option or the spec took, so that From can name the options the command expects.
    private static readonly Argument<string[]> UnknownArgument = new("unknown words") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };

    private static readonly Option<int?> RunsOption = Once(ValueOption.Parsed<int?>(
        "--runs", "N", $"seeded runs of each strategy at each budget [default: {ComparisonPlan.DefaultRuns}]", text => ParseRuns(text)));

    private static readonly Option<IReadOnlyList<long>> BudgetsOption = Once(ValueOption.Parsed<IReadOnlyList<long>>(
        "--budgets", "N,N,...", $"trial budgets to compare at [default: {string.Join(',', ComparisonPlan.DefaultBudgets)}]", ParseBudgets));

    private static readonly Option<IReadOnlyList<string>> StrategiesOption = Once(ValueOption.Parsed<IReadOnlyList<string>>(
        "--strategies", "NAME,...",
        $"strategies to compare, of {string.Join(", ", SearchFactory.StrategyNames)} [default: {string.Join(',', ComparisonPlan.DefaultStrategies)}]",
        ParseStrategies));

    private static readonly Option<string> OutputDirOption = Once(ValueOption.Parsed("--output-dir", "DIR", "where to write compare.csv and compare.png [default: .]", ParseOutputDir));

    private static readonly Option[] Options = [RunsOption, BudgetsOption, StrategiesOption, OutputDirOption];

    /// <summary><c>layernas bench compare</c>: its argument and options, without the action.</summary>
    internal static Command Command()
    {
        var command = new Command(
            "compare",
            "compare LayerNAS with its baselines on a table-backed spec: many seeded runs per trial budget, written as compare.csv and compare.png")
        {
            SpecArgument, UnknownArgument,
        };
        foreach (var option in Options)
        {
            command.Options.Add(option);
        }
        return command;
    }

    /// <summary>The arguments of a parsed <c>layernas bench compare</c> command line; throws <see cref="UsageException"/> for words it does not know.</summary>
    internal static CompareArguments From(ParseResult result)
    {
        var unknown = result.GetValue(UnknownArgument) ?? [];
        if (unknown.FirstOrDefault(UsageProblem.LooksLikeOption) is { } option)
        {
            throw new UsageException($"unknown option '{option}' (expected one of: {string.Join(", ", Options.Select(o => o.Name))})");
        }
        if (unknown.Length > 0)
        {
            throw new UsageException(UsageProblem.Unmatched(result.CommandResult.Command, unknown));
        }
        return new CompareArguments(
            result.GetRequiredValue(SpecArgument),
            result.GetValue(RunsOption) ?? ComparisonPlan.DefaultRuns,
            result.GetValue(BudgetsOption) ?? ComparisonPlan.DefaultBudgets,
            result.GetValue(StrategiesOption) ?? ComparisonPlan.DefaultStrategies,
            result.GetValue(OutputDirOption) ?? ".");
    }

    /// <summary>An option refused when given twice.</summary>
    private static Option<T> Once<T>(Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.IdentifierTokenCount > 1)
            {
                result.AddError($"{result.Option.Name} is given twice");
            }
        });
        return option;
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
