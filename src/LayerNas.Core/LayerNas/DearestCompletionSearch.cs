using System.Runtime.CompilerServices;
using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// Finds a prefix's dearest completion inside the target: of the completions whose cost lies in [min, max], the one
/// of highest cost, and of several with that cost the canonically first (<see cref="Architecture.CompareTo"/>).
/// A layer that names its own default option keeps it.
/// </summary>
/// <remarks>
/// <para>Branch and bound over the open layers, on the cost model's completion bounds: dynamic programming over the
/// layer chain for additive and conv-macs costs, the enumerated table for table costs. A subtree is skipped when its
/// cheapest completion is above the target, when its dearest is below it, or when neither its bound (its dearest
/// completion, capped at the target's max) nor, at an equal bound, the canonical order lets it beat the best
/// completion found so far. A greedy descent (each open layer's option with the highest bound) supplies that first
/// best, so most subtrees are skipped at once. The answer is exact whenever the search settles within
/// <see cref="StepLimit"/> steps, as it does on every space small enough to enumerate; past the limit it is the
/// dearest completion found by then, still inside the target.</para>
/// <para>For chain costs (<see cref="IChainCost"/>) each step prices its prefix from its parent's figures, and the
/// answer is remembered per (depth, state, prefix cost): prefixes that agree on those have the same completions at
/// the same costs in the same order, so they share their dearest suffix.</para>
/// </remarks>
public sealed class DearestCompletionSearch
{
    /// <summary>Subtrees one search may weigh before it answers with the best completion found so far.</summary>
    public const int StepLimit = 20_000;

    private readonly SearchProblem _problem;
    private readonly int[][] _options;
    private readonly IChainCost? _chain;
    private readonly Dictionary<(int Depth, int State, double Cost), int[]?> _suffixes = [];

    /// <summary>Prepares to complete prefixes of <paramref name="problem"/>'s space.</summary>
    public DearestCompletionSearch(SearchProblem problem)
    {
        _problem = problem;
        _options = [.. problem.Space.Layers.Select(l => l.DefaultOption is { } fixedOption ? [fixedOption] : Enumerable.Range(0, l.Options.Length).ToArray())];
        _chain = problem.CostModel as IChainCost;
    }

    /// <summary>The dearest completion of <paramref name="prefix"/> inside the target, or null when none was found.</summary>
    public Architecture? Find(Architecture prefix)
    {
        if (_chain is not { } chain)
        {
            return new Walk(this, prefix).Run() is { } found ? new Architecture(found) : null;
        }
        // The key is priced without a walk, whose figures span every layer: a remembered suffix then costs the prefix alone.
        var key = (prefix.Length, State: 0, Cost: chain.Start);
        for (var layer = 0; layer < prefix.Length; layer++)
        {
            (key.Cost, key.State) = (key.Cost + chain.Step(layer, key.State, prefix[layer]), chain.State(layer, prefix[layer]));
        }
        if (!_suffixes.TryGetValue(key, out var suffix))
        {
            suffix = new Walk(this, prefix).Run()?[prefix.Length..];
            _suffixes[key] = suffix;
        }
        return suffix is null ? null : new Architecture([.. prefix.Choices, .. suffix]);
    }

    /// <summary>One search: a path of option indices grown and shrunk in place, with the chain's figures per length.</summary>
    /// <remarks>Its loops are compiled optimized at once: a coordinator runs them thousands of times from its first search, before tiered compilation would optimize them.</remarks>
    private sealed class Walk
    {
        private readonly DearestCompletionSearch _search;
        private readonly int _start;
        private readonly int[] _path;
        private readonly double[] _costs;
        private readonly int[] _states;
        // _order[n]: the sign of the path's first n layers compared with the best's (canonical order), kept per length
        // as the path grows, so comparing with the best costs one step instead of a walk over thousands of layers.
        private readonly int[] _order;
        private int[]? _best;
        private double _bestCost = double.NegativeInfinity;
        private int _steps;

        public Walk(DearestCompletionSearch search, Architecture prefix)
        {
            _search = search;
            _start = prefix.Length;
            var depth = search._problem.Space.Depth;
            _path = new int[depth];
            prefix.Choices.CopyTo(_path);
            _costs = new double[depth + 1];
            _states = new int[depth + 1];
            _order = new int[depth + 1];
            if (search._chain is { } chain)
            {
                _costs[0] = chain.Start;
                for (var length = 1; length <= _start; length++)
                {
                    Price(chain, length);
                }
            }
        }

        /// <summary>The whole dearest architecture inside the target, or null.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int[]? Run()
        {
            if (_start == _path.Length)
            {
                return Bounds(_start) is var own && own.Min == own.Max && Inside(own.Min) ? _path : null;
            }
            if (Descend() is { } first)
            {
                NewBest(first);
            }
            Visit(_start);
            return _best;
        }

        // The greedy first answer: at each open layer the option with the highest bound; null when it runs dry.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double? Descend()
        {
            for (var length = _start; length < _path.Length; length++)
            {
                var chosen = -1;
                var highest = double.NegativeInfinity;
                foreach (var option in _search._options[length])
                {
                    _path[length] = option;
                    if (Bound(length + 1) is { } bound && bound > highest)
                    {
                        (chosen, highest) = (option, bound);
                    }
                }
                if (chosen < 0)
                {
                    return null;
                }
                _path[length] = chosen;
                Bound(length + 1);
            }
            var cost = Bounds(_path.Length).Min;
            return Inside(cost) ? cost : null;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Visit(int length)
        {
            foreach (var option in _search._options[length])
            {
                if (_steps++ >= StepLimit)
                {
                    return;
                }
                _path[length] = option;
                _order[length + 1] = _order[length] != 0 || _best is null ? _order[length] : option.CompareTo(_best[length]);
                if (Bound(length + 1) is not { } bound || !MayBeat(bound, length + 1))
                {
                    continue;
                }
                if (length + 1 < _path.Length)
                {
                    Visit(length + 1);
                }
                else if (bound > _bestCost || _order[length + 1] < 0)
                {
                    // A complete architecture's bound is its own cost, and MayBeat let it through: it is the new best.
                    NewBest(bound);
                }
            }
        }

        // Whether the subtree of the first `length` layers of the path can hold a completion that beats the best.
        private bool MayBeat(double bound, int length) =>
            _best is null || bound > _bestCost || (bound == _bestCost && _order[length] <= 0);

        // The whole path is the best now: every prefix of the path equals the best's.
        private void NewBest(double cost)
        {
            (_best, _bestCost) = ([.. _path], cost);
            Array.Clear(_order);
        }

        // The dearest cost a completion of the path's first `length` layers can have inside the target, or null when none can land there.
        private double? Bound(int length)
        {
            var bounds = Bounds(length);
            var target = _search._problem.Target;
            var bound = Math.Min(bounds.Max, target.Max);
            return bounds.Min <= target.Max && bound >= target.Min ? bound : null;
        }

        private bool Inside(double cost) => _search._problem.Target.Contains(cost);

        // Completion bounds of the path's first `length` layers; for chains, prices that prefix from its parent's figures.
        private CostBounds Bounds(int length)
        {
            if (_search._chain is not { } chain)
            {
                return _search._problem.CostModel.CompletionBounds(new Architecture(_path.AsSpan(0, length)));
            }
            if (length > _start)
            {
                Price(chain, length);
            }
            var suffix = chain.Suffix(length, _states[length]);
            return new CostBounds(_costs[length] + suffix.Min, _costs[length] + suffix.Max);
        }

        private void Price(IChainCost chain, int length)
        {
            var layer = length - 1;
            _costs[length] = _costs[layer] + chain.Step(layer, _states[layer], _path[layer]);
            _states[length] = chain.State(layer, _path[layer]);
        }
    }
}
