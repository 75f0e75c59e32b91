using LayerNas.Core.Space;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>
/// cost(A) is the multiply-adds or parameters of a built-in CNN space's network (docs/spaces.md), exact integers
/// computed from the option names. A block's cost depends on its own option and the previous block's width only, so
/// completion bounds and depth ranges come from dynamic programming over that chain.
/// </summary>
public sealed class ConvMacsCostModel : ICostModel, IPrefixCostRange, IChainCost
{
    // Costs stay exact as doubles below 2^53.
    private const long ExactLimit = 1L << 53;

    private readonly int _depth;
    private readonly ConvCost _stem;
    // _blocks[layer][state][option]: state is the previous layer's option, or 0 for the first layer.
    private readonly ConvCost[][][] _blocks;
    // _heads[option] of the last layer.
    private readonly ConvCost[] _heads;
    private readonly ConvMetric _metric;
    // Cheapest and dearest cost of layers [depth, L) plus the head, given the state entering layer depth.
    private readonly double[][] _suffixMin;
    private readonly double[][] _suffixMax;
    // Cheapest and dearest cost of the stem and layers [0, depth), given the state leaving layer depth − 1.
    private readonly double[][] _prefixMin;
    private readonly double[][] _prefixMax;

    /// <summary>Prices every architecture of <paramref name="space"/> as <paramref name="network"/> builds it.</summary>
    /// <exception cref="ArgumentException">A cost overflows or exceeds 2^53, where doubles stop being exact.</exception>
    public ConvMacsCostModel(SearchSpace space, IConvNetwork network, ConvMetric metric)
    {
        _depth = space.Depth;
        _metric = metric;
        try
        {
            _stem = network.Stem;
            _blocks = new ConvCost[_depth][][];
            for (var layer = 0; layer < _depth; layer++)
            {
                var states = layer == 0 ? 1 : space.OptionCount(layer - 1);
                _blocks[layer] = new ConvCost[states][];
                for (var state = 0; state < states; state++)
                {
                    var inChannels = layer == 0 ? network.StemWidth : network.Width(layer - 1, state);
                    _blocks[layer][state] = [.. Enumerable.Range(0, space.OptionCount(layer)).Select(option => network.Block(layer, option, inChannels))];
                }
            }
            _heads = [.. Enumerable.Range(0, space.OptionCount(_depth - 1)).Select(option => network.Head(network.Width(_depth - 1, option)))];
            var largest = _blocks.Aggregate(_stem + Largest(_heads), (sum, states) => sum + Largest(states.SelectMany(s => s)));
            if (Math.Max(largest.Macs, largest.Params) >= ExactLimit)
            {
                throw new OverflowException();
            }
        }
        catch (OverflowException)
        {
            throw new ArgumentException("the network's multiply-adds or parameters can exceed 2^53, beyond exact arithmetic; its options are far too large");
        }
        (_suffixMin, _suffixMax) = Suffixes();
        (_prefixMin, _prefixMax) = Prefixes();
    }

    /// <summary>The model a spec's <c>cost.convMacs</c> describes; throws <see cref="ArgumentException"/> with one readable line.</summary>
    public static ConvMacsCostModel Create(ConvMacsCost settings, SearchSpace space)
    {
        var input = new ConvInput(
            Positive(settings.HasImageSize ? settings.ImageSize : ConvInput.FashionMnist.ImageSize, "imageSize"),
            Positive(settings.HasInputChannels ? settings.InputChannels : ConvInput.FashionMnist.Channels, "inputChannels"),
            Positive(settings.HasClasses ? settings.Classes : ConvInput.FashionMnist.Classes, "classes"));
        IConvNetwork network = settings.Space switch
        {
            "nats-size" => new NatsSizeNetwork(space, input),
            "mobilenet-v2" => new MobileNetV2Network(space, input),
            _ => throw new ArgumentException($"space must be 'nats-size' or 'mobilenet-v2', got '{settings.Space}'"),
        };
        var metric = settings.Metric switch
        {
            "" or "macs" => ConvMetric.Macs,
            "params" => ConvMetric.Params,
            _ => throw new ArgumentException($"metric must be 'macs' or 'params', got '{settings.Metric}'"),
        };
        return new ConvMacsCostModel(space, network, metric);
    }

    /// <summary>Both figures of a complete architecture: what a trainer building it measures.</summary>
    public ConvCost Figures(Architecture architecture)
    {
        var total = _stem;
        for (var layer = 0; layer < _depth; layer++)
        {
            total += _blocks[layer][State(architecture, layer)][architecture[layer]];
        }
        return total + _heads[architecture[_depth - 1]];
    }

    /// <inheritdoc />
    public double Cost(Architecture architecture) => Figures(architecture).Of(_metric);

    /// <inheritdoc />
    public CostBounds CompletionBounds(Architecture prefix)
    {
        double sum = _stem.Of(_metric);
        for (var layer = 0; layer < prefix.Length; layer++)
        {
            sum += _blocks[layer][State(prefix, layer)][prefix[layer]].Of(_metric);
        }
        var state = State(prefix, prefix.Length);
        return new CostBounds(sum + _suffixMin[prefix.Length][state], sum + _suffixMax[prefix.Length][state]);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Prefixes ending in the same state share their cheapest and dearest suffix (m, M); their sums P lie in
    /// [Pmin, Pmax]. Those that can reach [lo, hi] have P + m ≤ hi and P + M ≥ lo, so each state bounds its φ = P + m
    /// by clipping [Pmin, Pmax] to [lo − M, hi − m]; the union over states is sound and, because it keeps states
    /// apart, tighter than one interval over all of them.
    /// </remarks>
    public CostBounds PrefixCostRange(int depth, CostTarget target)
    {
        var range = CostBounds.None;
        for (var state = 0; state < _prefixMin[depth].Length; state++)
        {
            var cheapest = _suffixMin[depth][state];
            var low = Math.Max(_prefixMin[depth][state], target.Min - _suffixMax[depth][state]);
            var high = Math.Min(_prefixMax[depth][state], target.Max - cheapest);
            if (low <= high)
            {
                range = range.Union(new CostBounds(low + cheapest, high + cheapest));
            }
        }
        return range;
    }

    /// <inheritdoc />
    public double Start => _stem.Of(_metric);

    /// <inheritdoc />
    /// <remarks>A block's cost depends on the channels the previous block produced: the state is its option.</remarks>
    public int State(int layer, int option) => option;

    /// <inheritdoc />
    public double Step(int layer, int state, int option) => _blocks[layer][state][option].Of(_metric);

    /// <inheritdoc />
    /// <remarks>The suffix past the last layer is the classifier on that layer's channels.</remarks>
    public CostBounds Suffix(int depth, int state) => new(_suffixMin[depth][state], _suffixMax[depth][state]);

    private static int State(Architecture prefix, int depth) => depth == 0 ? 0 : prefix[depth - 1];

    private (double[][] Min, double[][] Max) Suffixes()
    {
        var min = new double[_depth + 1][];
        var max = new double[_depth + 1][];
        min[_depth] = [.. _heads.Select(h => (double)h.Of(_metric))];
        max[_depth] = [.. min[_depth]];
        for (var layer = _depth - 1; layer >= 0; layer--)
        {
            var states = _blocks[layer].Length;
            min[layer] = new double[states];
            max[layer] = new double[states];
            for (var state = 0; state < states; state++)
            {
                var options = _blocks[layer][state];
                min[layer][state] = Enumerable.Range(0, options.Length).Min(o => options[o].Of(_metric) + min[layer + 1][o]);
                max[layer][state] = Enumerable.Range(0, options.Length).Max(o => options[o].Of(_metric) + max[layer + 1][o]);
            }
        }
        return (min, max);
    }

    private (double[][] Min, double[][] Max) Prefixes()
    {
        var min = new double[_depth + 1][];
        var max = new double[_depth + 1][];
        min[0] = [_stem.Of(_metric)];
        max[0] = [_stem.Of(_metric)];
        for (var layer = 0; layer < _depth; layer++)
        {
            var blocks = _blocks[layer];
            var options = blocks[0].Length;
            min[layer + 1] = [.. Enumerable.Range(0, options).Select(o => Enumerable.Range(0, blocks.Length).Min(s => min[layer][s] + blocks[s][o].Of(_metric)))];
            max[layer + 1] = [.. Enumerable.Range(0, options).Select(o => Enumerable.Range(0, blocks.Length).Max(s => max[layer][s] + blocks[s][o].Of(_metric)))];
        }
        return (min, max);
    }

    // An upper bound of each figure over some pieces, so no sum of one piece per layer can exceed it.
    private static ConvCost Largest(IEnumerable<ConvCost> pieces) =>
        pieces.Aggregate(default(ConvCost), (most, piece) => new ConvCost(Math.Max(most.Macs, piece.Macs), Math.Max(most.Params, piece.Params)));

    private static int Positive(int value, string field) =>
        value >= 1 ? value : throw new ArgumentException($"{field} must be at least 1, got {value}");
}
