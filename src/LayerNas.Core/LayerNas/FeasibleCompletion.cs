using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// Completes a prefix with its dearest completion inside the target (<see cref="DearestCompletionSearch"/>), so every
/// trained model is a candidate answer and a prefix is judged by the best model it can still become under the
/// constraint. A prefix none of whose completions lands in the target is completed as
/// <see cref="CompletionPolicy.MostExpensive"/> completes it.
/// </summary>
public sealed class FeasibleCompletion(SearchProblem problem) : IPrefixCompletion
{
    private readonly DearestCompletionSearch _search = new(problem);
    private readonly FixedCompletion _fallback = FixedCompletion.For(problem, CompletionPolicy.MostExpensive);

    /// <inheritdoc />
    public Architecture Complete(Architecture prefix) => _search.Find(prefix) ?? _fallback.Complete(prefix);
}
