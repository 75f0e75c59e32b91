using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Dispatch;

/// <summary>How long one attempt at a trial may train and how many attempts follow a failed first one.</summary>
public readonly record struct TrialLimits(TimeSpan Timeout, int MaxRetries)
{
    /// <summary>Training time allowed when the spec names none.</summary>
    public const double DefaultTimeoutSeconds = SpecValidator.DefaultTimeoutSeconds;

    /// <summary>Retries allowed when the spec names none.</summary>
    public const int DefaultMaxRetries = 2;

    /// <summary>The limits a spec's trainer section sets, with the defaults for what it leaves out.</summary>
    public static TrialLimits Of(Trainer? trainer) => new(
        TimeSpan.FromSeconds(trainer is { HasTimeoutSeconds: true } ? trainer.TimeoutSeconds : DefaultTimeoutSeconds),
        trainer is { HasMaxRetries: true } ? trainer.MaxRetries : DefaultMaxRetries);
}
