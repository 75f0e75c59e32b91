using System.Collections.Immutable;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Protocol.V1;

namespace LayerNas.Core;

/// <summary>Conversions between the core's types and their protobuf forms.</summary>
public static class ProtocolConversions
{
    /// <summary>The architecture whose option indices a message lists.</summary>
    public static Architecture ToArchitecture(this IEnumerable<int> choices) => new([.. choices]);

    /// <summary>The core outcome a trained attempt reported.</summary>
    public static TrialOutcome ToOutcome(this TrainingOutcome outcome) => Outcome(outcome.Reward, outcome.Metrics);

    /// <summary>The protobuf form of a core outcome.</summary>
    public static TrainingOutcome ToMessage(this TrialOutcome outcome) => new() { Reward = outcome.Reward, Metrics = { outcome.Metrics } };

    /// <summary>A trial as the dispatcher queues it.</summary>
    public static ReadyTrial ToReadyTrial(this Trial trial) => new() { TrialNumber = trial.Number, Architecture = { trial.Architecture.Choices.ToArray() }, Priority = trial.Priority };

    /// <summary>The core outcome a persisted completion holds.</summary>
    public static TrialOutcome ToOutcome(this TrialCompleted completed) => Outcome(completed.Reward, completed.Metrics);

    private static TrialOutcome Outcome(double reward, IEnumerable<KeyValuePair<string, double>> metrics) =>
        new(reward, metrics.ToImmutableSortedDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal));
}
