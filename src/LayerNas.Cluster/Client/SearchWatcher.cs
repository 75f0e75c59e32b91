using System.Threading.Channels;
using Akka.Actor;
using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Client;

/// <summary>Subscribes to one search and writes what it hears to a channel, which it completes once the search has ended.</summary>
/// <remarks>
/// The subscription lives in the search's coordinator. The watcher watches that coordinator and subscribes again
/// through the manager when it stops before the search ended (the singleton moved to another node, say), so a
/// watch outlives a hand-over. Until a coordinator answers it asks again now and then, since a subscription can be
/// lost on the way: through a singleton proxy during a hand-over, or in a coordinator whose recovery fails (the
/// manager then answers with the search's error).
/// </remarks>
public sealed class SearchWatcher : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan Resubscribe = TimeSpan.FromSeconds(2);

    private IActorRef? _source;

    /// <summary>Creates a watcher; see <see cref="Props"/>.</summary>
    public SearchWatcher(IActorRef manager, string searchId, ChannelWriter<IMessage> updates)
    {
        var subscribe = new SubscribeToSearch { SearchId = searchId };
        Receive<SearchProgressUpdate>(m =>
        {
            Follow(Sender);
            updates.TryWrite(m);
        });
        Receive<IMessage>(m => m is SearchFinished or SearchError or SearchNotFound, m =>
        {
            updates.TryWrite(m);
            updates.TryComplete();
            Context.Stop(Self);
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_source), _ =>
        {
            _source = null;
            manager.Tell(subscribe);
            Timers.StartPeriodicTimer(nameof(Resubscribe), subscribe, Resubscribe);
        });
        // The periodic repeat, until a coordinator answers.
        Receive<SubscribeToSearch>(m => manager.Tell(m));
        manager.Tell(subscribe);
        Timers.StartPeriodicTimer(nameof(Resubscribe), subscribe, Resubscribe);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a watcher of <paramref name="searchId"/> that asks <paramref name="manager"/> (the search manager or its proxy).</summary>
    public static Props Props(IActorRef manager, string searchId, ChannelWriter<IMessage> updates) =>
        Akka.Actor.Props.Create(() => new SearchWatcher(manager, searchId, updates));

    private void Follow(IActorRef coordinator)
    {
        if (coordinator.Equals(_source) || coordinator.IsNobody())
        {
            return;
        }
        if (_source is not null)
        {
            Context.Unwatch(_source);
        }
        _source = coordinator;
        Context.Watch(coordinator);
        Timers.Cancel(nameof(Resubscribe));
    }
}
