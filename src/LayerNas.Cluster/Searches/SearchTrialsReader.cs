using Akka.Actor;
using Akka.Persistence;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>
/// Answers one <see cref="GetSearchTrials"/> from a search's journal and stops: it recovers the search coordinator's
/// snapshot and events (reading only, never writing), so it serves running and finished searches alike, and a
/// finished search needs no coordinator kept alive for it.
/// </summary>
public sealed class SearchTrialsReader : ReceivePersistentActor
{
    private readonly string _searchId;
    private readonly IActorRef _requester;
    private readonly List<TrialCompleted> _completed = [];
    private readonly List<TrialFailed> _failed = [];

    /// <summary>Creates a reader; see <see cref="Props"/>.</summary>
    public SearchTrialsReader(string searchId, SearchSpec spec, Func<SearchSpec, CompiledSearch> compile, int offset, IActorRef requester)
    {
        _searchId = searchId;
        _requester = requester;

        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (SearchCoordinatorSnapshot)offer.Snapshot;
            _completed.AddRange(snapshot.Completed);
            _failed.AddRange(snapshot.Failed);
        });
        Recover<TrialCompleted>(_completed.Add);
        Recover<TrialFailed>(_failed.Add);
        Recover<SearchCancelled>(_ => { });
        Recover<SearchFinished>(_ => { });
        Recover<RecoveryCompleted>(_ =>
        {
            try
            {
                var records = TrialRecords.Of(compile(spec), _completed, _failed);
                _requester.Tell(TrialRecords.Page(_searchId, records, offset));
            }
            catch (Exception e)
            {
                _requester.Tell(new SearchError { SearchId = _searchId, Reason = $"the trials of search {_searchId} cannot be read: {e.Message}" });
            }
            Context.Stop(Self);
        });
    }

    /// <inheritdoc />
    public override string PersistenceId => SearchCoordinator.PersistenceIdOf(_searchId);

    /// <summary>Props of a reader that sends <paramref name="requester"/> the page of <paramref name="searchId"/>'s trials from <paramref name="offset"/>.</summary>
    public static Props Props(string searchId, SearchSpec spec, Func<SearchSpec, CompiledSearch> compile, int offset, IActorRef requester) =>
        Akka.Actor.Props.Create(() => new SearchTrialsReader(searchId, spec, compile, offset, requester));

    /// <inheritdoc />
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _requester.Tell(new SearchError { SearchId = _searchId, Reason = $"the journal of search {_searchId} cannot be read: {reason.Message}" });
        base.OnRecoveryFailure(reason, message);
    }
}
