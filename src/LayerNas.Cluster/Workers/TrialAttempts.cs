using Akka.Event;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Workers;

/// <summary>What a worker slot needs around a training attempt: the lease's option names, a failure's readable reason, and letting trainers go.</summary>
internal static class TrialAttempts
{
    private static readonly TimeSpan DisposeLimit = TimeSpan.FromSeconds(10);

    /// <summary>The option names a lease's architecture chooses, layer by layer, from its search's spec.</summary>
    public static string[] OptionNames(SearchSpec spec, TrialLease lease)
    {
        if (lease.Architecture.Count != spec.Layers.Count)
        {
            throw new ArgumentException($"the lease chooses {lease.Architecture.Count} options for a space of {spec.Layers.Count} layers");
        }
        return [.. lease.Architecture.Select((option, layer) => option >= 0 && option < spec.Layers[layer].Options.Count
            ? spec.Layers[layer].Options[option].Name
            : throw new ArgumentException($"the lease chooses option {option} of layer '{spec.Layers[layer].Name}', which has {spec.Layers[layer].Options.Count}"))];
    }

    /// <summary>Why an attempt failed, in one readable line: a timeout, a cancellation, or the trainer's error.</summary>
    public static string FailureReason(Task task, bool timedOut, double timeoutSeconds)
    {
        if (timedOut)
        {
            return $"timed out after {timeoutSeconds:0.###} s";
        }
        if (task.IsCanceled)
        {
            return "training was cancelled";
        }
        var error = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
        return error switch
        {
            TrainerException => error.Message,
            OperationCanceledException => "training was cancelled",
            _ => $"{error.GetType().Name}: {error.Message}",
        };
    }

    /// <summary>Disposes trainers, each within a bound, because a trainer owning a process must let it go before the node exits.</summary>
    public static void Dispose(IReadOnlyList<ITrainer> trainers, ILoggingAdapter log)
    {
        foreach (var trainer in trainers)
        {
            try
            {
                if (!trainer.DisposeAsync().AsTask().Wait(DisposeLimit))
                {
                    log.Warning("A trainer took over {0} s to shut down", DisposeLimit.TotalSeconds);
                }
            }
            catch (Exception e)
            {
                log.Warning(e, "A trainer failed to shut down");
            }
        }
    }
}
