using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>Command-line overrides of a spec's strategy, seed and trial budget.</summary>
public static class SpecOverrides
{
    /// <summary>
    /// A copy of <paramref name="spec"/> with the given settings replaced; a null argument keeps the spec's own.
    /// A different strategy starts from its default settings; naming the spec's own strategy keeps its settings.
    /// Throws <see cref="SpecException"/> for an unknown strategy name. The result still needs validating.
    /// </summary>
    public static SearchSpec Apply(SearchSpec spec, string? strategy, ulong? seed, long? maxTrials)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = spec.Clone();
        if (strategy is null && seed is null && maxTrials is null)
        {
            return result;
        }
        result.Strategy ??= new Strategy();
        if (strategy is not null)
        {
            var kind = SpecKinds.KindOneof(Strategy.Descriptor)!.Fields.FirstOrDefault(f => f.JsonName == strategy)
                ?? throw new SpecException($"unknown strategy {Quoted.Text(strategy)} (expected one of: {string.Join(", ", SearchFactory.StrategyNames)})", null);
            if ((int)result.Strategy.KindCase != kind.FieldNumber)
            {
                kind.Accessor.SetValue(result.Strategy, kind.MessageType.Parser.ParseFrom(ByteString.Empty));
            }
        }
        if (seed is { } s)
        {
            result.Strategy.Seed = s;
        }
        if (maxTrials is { } m)
        {
            result.Strategy.MaxTrials = m;
        }
        return result;
    }
}
