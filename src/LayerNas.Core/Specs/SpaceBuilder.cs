using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Space;
using LayerNas.Protocol.V1;
using CostModelSpec = LayerNas.Protocol.V1.CostModel;

namespace LayerNas.Core.Specs;

/// <summary>Turns a spec's layers, cost model and target into the core's search space, cost model and target.</summary>
public static class SpaceBuilder
{
    /// <summary>The search space of a spec's layers; each layer's <c>default</c> becomes its default option index.</summary>
    /// <remarks>Expects a spec that <see cref="SpecValidator"/> accepts; throws <see cref="SpecException"/> for a default naming no option.</remarks>
    public static SearchSpace Build(SearchSpec spec) => new(spec.Layers.Select((layer, index) => new SearchLayer(
        layer.Name,
        [.. layer.Options.Select(o => new Space.LayerOption(o.Name, o.Cost))],
        DefaultOption(layer, index))));

    /// <summary>
    /// The cost model a spec chooses over <paramref name="space"/>; a <c>table</c> model is read through
    /// <paramref name="loadTable"/> (path, key column) and must price every architecture with a finite cost ≥ 0.
    /// </summary>
    public static ICostModel CostModel(SearchSpec spec, SearchSpace space, Func<string, string, BenchmarkTable> loadTable) =>
        spec.Cost?.ModelCase switch
        {
            CostModelSpec.ModelOneofCase.Additive => new AdditiveCostModel(space),
            CostModelSpec.ModelOneofCase.Table => TableModel(spec.Cost.Table, space, loadTable),
            CostModelSpec.ModelOneofCase.ConvMacs => ConvMacsModel(spec.Cost.ConvMacs, space),
            _ => throw new SpecException($"no cost model chosen (expected one of: {SpecKinds.Names(CostModelSpec.Descriptor)})", "$.cost"),
        };

    /// <summary>
    /// The spec's cost target: absent min is 0, absent max unbounded. With several targets, the smallest range that
    /// holds them all.
    /// </summary>
    public static CostTarget Target(SearchSpec spec) => spec.Targets.Count == 0
        ? TargetOf(spec.Target)
        : new(spec.Targets.Min(t => TargetOf(t).Min), spec.Targets.Max(t => TargetOf(t).Max));

    /// <summary>The spec's targets: its several targets in order, or its one target.</summary>
    public static IReadOnlyList<CostTarget> Targets(SearchSpec spec) =>
        spec.Targets.Count == 0 ? [TargetOf(spec.Target)] : [.. spec.Targets.Select(TargetOf)];

    private static CostTarget TargetOf(Target? target) => new(
        target is { HasMin: true } ? target.Min : 0,
        target is { HasMax: true } ? target.Max : double.PositiveInfinity);

    private static int? DefaultOption(Layer layer, int index)
    {
        if (layer.Default.Length == 0)
        {
            return null;
        }
        var option = layer.Options.Select(o => o.Name).ToList().IndexOf(layer.Default);
        return option >= 0
            ? option
            : throw new SpecException(
                $"layer {Quoted.Text(layer.Name)} has no option {Quoted.Text(layer.Default)} (options: {string.Join(", ", layer.Options.Select(o => o.Name))})",
                $"$.layers[{index}].default");
    }

    private static ConvMacsCostModel ConvMacsModel(ConvMacsCost spec, SearchSpace space)
    {
        try
        {
            return ConvMacsCostModel.Create(spec, space);
        }
        catch (ArgumentException e)
        {
            throw new SpecException(e.Message, "$.cost.convMacs");
        }
    }

    private static TableCostModel TableModel(TableCost spec, SearchSpace space, Func<string, string, BenchmarkTable> loadTable)
    {
        const string at = "$.cost.table";
        var table = SpecTables.Load(loadTable, spec.Path, spec.Key, at);
        SpecTables.RequireColumn(table, spec.Column, $"{at}.column");
        // Stops at the first architecture the table lacks, so a small table never makes us walk a huge space.
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            if (table.RowsFor(key) == 0)
            {
                throw new SpecException($"the table has no row for {Quoted.Text(key)}", at);
            }
            var cost = table.Value(key, spec.Column)
                ?? throw new SpecException($"the table's {Quoted.Text(spec.Column)} is empty for {Quoted.Text(key)}", $"{at}.column");
            if (!double.IsFinite(cost) || cost < 0)
            {
                throw new SpecException($"the table's {Quoted.Text(spec.Column)} for {Quoted.Text(key)} is {SpecNumbers.Format(cost)}; costs must be finite and ≥ 0", $"{at}.column");
            }
        }
        return new TableCostModel(space, table, spec.Column);
    }
}
