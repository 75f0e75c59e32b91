using LayerNas.Core.Space;

namespace LayerNas.Core.Costs;

/// <summary>cost(A) is a column of a benchmark table; completion bounds come from enumerating the table once.</summary>
public sealed class TableCostModel : ICostModel
{
    private readonly Dictionary<Architecture, double> _costs = [];
    private readonly Dictionary<Architecture, CostBounds> _prefixBounds = [];

    /// <summary>Reads every architecture's cost; throws <see cref="ArgumentException"/> for an architecture the table lacks.</summary>
    public TableCostModel(SearchSpace space, BenchmarkTable table, string column)
    {
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            if (table.RowsFor(key) == 0)
            {
                throw new ArgumentException($"the table has no row for '{key}'");
            }
            var cost = table.Value(key, column)
                ?? throw new ArgumentException($"the table's '{column}' is empty for '{key}'");
            _costs[architecture] = cost;
            for (var depth = 0; depth <= architecture.Length; depth++)
            {
                var prefix = architecture.Prefix(depth);
                var bounds = _prefixBounds.GetValueOrDefault(prefix, CostBounds.None);
                _prefixBounds[prefix] = bounds.Union(new CostBounds(cost, cost));
            }
        }
    }

    /// <inheritdoc />
    public double Cost(Architecture architecture) => _costs[architecture];

    /// <inheritdoc />
    public CostBounds CompletionBounds(Architecture prefix) => _prefixBounds[prefix];
}
