using Akka.Event;
using Akka.Persistence;

namespace LayerNas.Cluster.Searches;

/// <summary>
/// A persistent actor that snapshots its state and then deletes the events and older snapshots the new snapshot
/// covers, so its journal holds a snapshot and the events since, never the whole history.
/// </summary>
public abstract class CompactingPersistentActor : ReceivePersistentActor
{
    private long _offeredSnapshot;

    /// <summary>Events persisted (or, during recovery, replayed) since the last snapshot.</summary>
    protected long SinceSnapshot { get; private set; }

    /// <summary>What the actor's journal belongs to, for log lines ("search s-…", "the search manager").</summary>
    protected abstract string Subject { get; }

    /// <summary>Recovers a snapshot with <paramref name="restore"/> and every event with <paramref name="apply"/>, counting the events replayed after the snapshot.</summary>
    protected void RecoverWith(Action<object> restore, Action<object> apply)
    {
        Recover<SnapshotOffer>(offer =>
        {
            _offeredSnapshot = offer.Metadata.SequenceNr;
            SinceSnapshot = 0;
            restore(offer.Snapshot);
        });
        Recover<Google.Protobuf.IMessage>(e =>
        {
            SinceSnapshot++;
            apply(e);
        });
    }

    /// <summary>Counts events persisted since the last snapshot.</summary>
    protected void Persisted(int events) => SinceSnapshot += events;

    /// <summary>Saves a snapshot of the state <paramref name="state"/> gives when <paramref name="due"/>; once saved, what it covers is deleted.</summary>
    protected void SnapshotWhen(bool due, Func<object> state)
    {
        if (due)
        {
            SaveSnapshot(state());
            SinceSnapshot = 0;
        }
    }

    /// <summary>Deletes what the snapshot recovery started from covers, in case the actor stopped before it did so itself.</summary>
    protected void CompactAfterRecovery()
    {
        if (_offeredSnapshot > 0)
        {
            DeleteMessages(_offeredSnapshot);
        }
    }

    /// <summary>Handles the answers of the snapshot store and the journal; every behaviour of the actor registers them.</summary>
    protected void CompactionAnswers()
    {
        Command<SaveSnapshotSuccess>(saved =>
        {
            DeleteMessages(saved.Metadata.SequenceNr);
            DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1));
        });
        Command<SaveSnapshotFailure>(f => Context.GetLogger().Warning(f.Cause, "A snapshot of {0} failed; its recovery replays the journal instead", Subject));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(f => Context.GetLogger().Warning(f.Cause, "Events of {0} that its snapshot covers could not be deleted", Subject));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => Context.GetLogger().Warning(f.Cause, "Older snapshots of {0} could not be deleted", Subject));
    }
}
