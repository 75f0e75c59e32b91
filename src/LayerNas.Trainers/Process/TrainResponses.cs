using System.Collections.Immutable;
using LayerNas.Core.Search;
using LayerNas.Protocol.V1;

namespace LayerNas.Trainers;

/// <summary>Turns a trainer's answer into a trial outcome.</summary>
internal static class TrainResponses
{
    /// <summary>
    /// The reward and, as metrics, the response's metrics and measured costs together; throws
    /// <see cref="TrainerException"/> for a reported error, a non-finite figure or a name given twice.
    /// </summary>
    public static TrialOutcome ToOutcome(TrainResponse response)
    {
        if (response.Error.Length > 0)
        {
            throw new TrainerException(response.Error);
        }
        if (!double.IsFinite(response.Reward))
        {
            throw new TrainerException($"trainer reported a non-finite reward ({response.Reward})");
        }
        var metrics = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in response.Metrics.Concat(response.Costs))
        {
            if (!double.IsFinite(value))
            {
                throw new TrainerException($"trainer reported a non-finite value for '{name}' ({value})");
            }
            if (!metrics.TryAdd(name, value))
            {
                throw new TrainerException($"trainer reported '{name}' both as a metric and as a cost");
            }
        }
        return new TrialOutcome(response.Reward, metrics.ToImmutable());
    }
}
