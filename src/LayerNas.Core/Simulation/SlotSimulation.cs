using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Simulation;

/// <summary>
/// Runs a search on a number of worker slots with no overhead at all: a slot that frees up starts the ready trial of
/// lowest (priority, number) at once, as the dispatcher orders them, and each trial takes the time it is given. What
/// such a run wastes is what the search's own dependencies cost, so it is the ideal a real cluster is measured against.
/// </summary>
public static class SlotSimulation
{
    /// <summary>
    /// Drives <paramref name="state"/> to its end on <paramref name="slots"/> slots; <paramref name="seconds"/> gives each
    /// trial's duration and <paramref name="train"/> its outcome (null: the trial fails for good). Trials ending at the
    /// same moment report in number order. <paramref name="priority"/> replaces the trials' own priorities, to compare
    /// dispatch orders.
    /// </summary>
    public static SimulatedRun Run(SearchState state, int slots, Func<Architecture, double> seconds, Func<Architecture, TrialOutcome?> train, Func<Trial, double>? priority = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        priority ??= trial => trial.Priority;
        var ready = new PriorityQueue<Trial, (double Priority, long Number)>();
        var running = new PriorityQueue<(Trial Trial, double Start), (double End, long Number)>();
        var timeline = new List<SimulatedTrial>();
        var now = 0.0;
        foreach (var trial in state.TakeNewTrials())
        {
            ready.Enqueue(trial, (priority(trial), trial.Number));
        }
        while (true)
        {
            while (running.Count < slots && ready.TryDequeue(out var next, out _))
            {
                running.Enqueue((next, now), (now + Math.Max(0, seconds(next.Architecture)), next.Number));
            }
            if (!running.TryDequeue(out var finished, out var end))
            {
                break;
            }
            now = end.End;
            timeline.Add(new SimulatedTrial(finished.Trial, finished.Start, now));
            if (train(finished.Trial.Architecture) is { } outcome)
            {
                state.Complete(finished.Trial.Number, outcome);
            }
            else
            {
                state.Fail(finished.Trial.Number, "failed in simulation", 1);
            }
            foreach (var trial in state.TakeNewTrials())
            {
                ready.Enqueue(trial, (priority(trial), trial.Number));
            }
        }
        return new SimulatedRun(slots, timeline);
    }
}
