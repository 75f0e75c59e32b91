namespace LayerNas.Core.LayerNas;

/// <summary>How a depth's cost range is cut into buckets.</summary>
public enum BucketSpacing
{
    /// <summary>Equal widths in cost.</summary>
    Linear,

    /// <summary>Equal widths in ln(1 + cost), for costs spanning orders of magnitude (MACs, parameters).</summary>
    Log,
}
