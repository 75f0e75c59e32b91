using Akka.Actor;
using Google.Protobuf;

namespace LayerNas.Cluster.Searches;

/// <summary>The actors following a search: each is watched, so it is forgotten when it stops, and told every update.</summary>
internal sealed class Subscribers(IActorContext context)
{
    private readonly HashSet<IActorRef> _subscribers = [];

    /// <summary>Adds a follower (again is harmless).</summary>
    public void Add(IActorRef subscriber)
    {
        if (_subscribers.Add(subscriber))
        {
            context.Watch(subscriber);
        }
    }

    /// <summary>Forgets a follower that stopped.</summary>
    public void Remove(IActorRef subscriber) => _subscribers.Remove(subscriber);

    /// <summary>Tells every follower.</summary>
    public void Tell(IMessage message)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Tell(message);
        }
    }
}
