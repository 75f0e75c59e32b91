using System.CommandLine;
using LayerNas.Core.Specs;

namespace LayerNas.Cli.CommandLine;

/// <summary>The options of <c>run</c> and <c>submit</c> that replace the spec's strategy settings.</summary>
internal static class SpecOverrideOptions
{
    /// <summary><c>--strategy NAME</c>: the strategy to search with (unknown names are the spec's error to report).</summary>
    public static Option<string> Strategy { get; } = WithStrategyCompletions(ValueOption.Text(
        "--strategy", "NAME", $"search with this strategy instead of the spec's: {string.Join(", ", SearchFactory.StrategyNames)}"));

    /// <summary><c>--seed S</c>: the strategy's seed.</summary>
    public static Option<ulong?> Seed { get; } = ValueOption.Number("--seed", "S", "the strategy's seed instead of the spec's", 0UL, ulong.MaxValue);

    /// <summary><c>--max-trials N</c>: the strategy's trial budget.</summary>
    public static Option<long?> MaxTrials { get; } = ValueOption.Number("--max-trials", "N", "the strategy's trial budget instead of the spec's", 1L, long.MaxValue);

    private static Option<string> WithStrategyCompletions(Option<string> option)
    {
        option.CompletionSources.Add([.. SearchFactory.StrategyNames]);
        return option;
    }
}
