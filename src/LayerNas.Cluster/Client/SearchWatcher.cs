using System.Threading.Channels;
using Akka.Actor;
using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Client;

/// <summary>Subscribes to one search and writes what it hears to a channel, which it completes once the search has ended.</summary>
public sealed class SearchWatcher : ReceiveActor
{
    /// <summary>Creates a watcher; see <see cref="Props"/>.</summary>
    public SearchWatcher(IActorRef manager, string searchId, ChannelWriter<IMessage> updates)
    {
        Receive<SearchProgressUpdate>(m => updates.TryWrite(m));
        Receive<IMessage>(m => m is SearchFinished or SearchError or SearchNotFound, m =>
        {
            updates.TryWrite(m);
            updates.TryComplete();
            Context.Stop(Self);
        });
        manager.Tell(new SubscribeToSearch { SearchId = searchId });
    }

    /// <summary>Props of a watcher of <paramref name="searchId"/> that asks <paramref name="manager"/> (the search manager or its proxy).</summary>
    public static Props Props(IActorRef manager, string searchId, ChannelWriter<IMessage> updates) =>
        Akka.Actor.Props.Create(() => new SearchWatcher(manager, searchId, updates));
}
