using LayerNas.Core.Search;

namespace LayerNas.Core.LayerNas;

/// <summary>The completion each <see cref="CompletionPolicy"/> names.</summary>
public static class PrefixCompletions
{
    /// <summary>How <paramref name="policy"/> completes the prefixes of <paramref name="problem"/>.</summary>
    public static IPrefixCompletion For(SearchProblem problem, CompletionPolicy policy) =>
        policy == CompletionPolicy.Feasible ? new FeasibleCompletion(problem) : FixedCompletion.For(problem, policy);
}
