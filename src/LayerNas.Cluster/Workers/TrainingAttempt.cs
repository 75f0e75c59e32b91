using System.Diagnostics;
using Akka.Actor;
using LayerNas.Core;
using LayerNas.Core.Search;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Workers;

/// <summary>One attempt at a lease on a worker slot: its clock, its timeout, and the result it ends in.</summary>
internal sealed class TrainingAttempt : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task<TrialOutcome>? _training;

    /// <summary>Starts the clock, and the timeout when the lease has one.</summary>
    public TrainingAttempt(TrialLease lease)
    {
        Lease = lease;
        if (lease.TimeoutSeconds > 0)
        {
            _cancellation.CancelAfter(TimeSpan.FromSeconds(lease.TimeoutSeconds));
        }
    }

    /// <summary>The lease being trained.</summary>
    public TrialLease Lease { get; }

    /// <summary>How long it has trained.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Whether it ran out of time (only the timeout cancels an attempt that is still current: a hand-back drops it first).</summary>
    public bool TimedOut => _cancellation.IsCancellationRequested;

    /// <summary>Stops the training, for a hand-back.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Trains the job and tells <paramref name="slot"/> how it went; Task.Run keeps a trainer that works synchronously off the slot's thread.</summary>
    public void Run(ITrainer trainer, TrainingJob job, IActorRef slot)
    {
        _training = Task.Run(() => trainer.TrainAsync(job, _cancellation.Token), CancellationToken.None);
        _training
            .ContinueWith(t => new Trained(Lease.LeaseId, t), TaskContinuationOptions.ExecuteSynchronously)
            .PipeTo(slot);
    }

    /// <summary>The result of a training that has succeeded though the slot has not heard yet (it is stopping); null otherwise.</summary>
    public TrialResult? Succeeded(string worker) => _training is { IsCompletedSuccessfully: true } training ? Result(training, worker) : null;

    /// <summary>Tells <paramref name="slot"/> that the attempt failed before training started.</summary>
    public void Fail(Exception error, IActorRef slot) =>
        slot.Tell(new Trained(Lease.LeaseId, Task.FromException<TrialOutcome>(new TrainerException($"trainer could not start: {error.Message}", error))));

    /// <summary>The result the attempt ends in: the outcome, or the failure with its reason.</summary>
    public TrialResult Result(Task<TrialOutcome> task, string worker)
    {
        var result = new TrialResult
        {
            LeaseId = Lease.LeaseId,
            SearchId = Lease.SearchId,
            TrialNumber = Lease.TrialNumber,
            Attempt = Lease.Attempt,
            Worker = worker,
            Seconds = Elapsed.TotalSeconds,
        };
        if (!task.IsCompletedSuccessfully)
        {
            result.FailureReason = TrialAttempts.FailureReason(task, TimedOut, Lease.TimeoutSeconds);
            result.LogTail = (task.Exception?.InnerException as TrainerException)?.LogTail ?? "";
            return result;
        }
        var outcome = task.Result.ToMessage();
        if (FiniteOutcome.Problem(outcome) is { } problem)
        {
            result.FailureReason = problem;
        }
        else
        {
            result.Outcome = outcome;
        }
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _cancellation.Dispose();
}

/// <summary>An attempt's training has ended, one way or another.</summary>
internal sealed record Trained(string LeaseId, Task<TrialOutcome> Task) : INoSerializationVerificationNeeded;
