using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>The architectures whose cost lies in the target: walked in canonical order, and counted when the space is small.</summary>
internal static class FeasibleArchitectures
{
    /// <summary>Spaces up to this size are enumerated once to count their feasible architectures exactly.</summary>
    public const long EnumerableSpaceSize = 1_000_000;

    /// <summary>Every feasible architecture in canonical order, lazily; prefixes no completion of which can reach the target are skipped whole.</summary>
    public static IEnumerable<Architecture> Enumerate(SearchProblem problem)
    {
        var space = problem.Space;
        if (!problem.CanReachTarget(Architecture.Empty))
        {
            yield break;
        }
        var choices = new int[space.Depth];
        var depth = 0;
        while (depth >= 0)
        {
            if (choices[depth] == space.OptionCount(depth))
            {
                choices[depth] = 0;
                if (--depth >= 0)
                {
                    choices[depth]++;
                }
                continue;
            }
            var prefix = new Architecture(choices.AsSpan(0, depth + 1));
            if (depth + 1 == space.Depth)
            {
                if (problem.IsFeasible(prefix))
                {
                    yield return prefix;
                }
                choices[depth]++;
            }
            else if (problem.CanReachTarget(prefix))
            {
                depth++;
            }
            else
            {
                choices[depth]++;
            }
        }
    }

    /// <summary>How many architectures are feasible, by enumeration; null for spaces larger than <see cref="EnumerableSpaceSize"/>.</summary>
    public static long? CountIfEnumerable(SearchProblem problem) =>
        problem.Space.Size <= EnumerableSpaceSize ? Enumerate(problem).LongCount() : null;
}
