using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Workers;

/// <summary>A worker slot's trainers (the slot of index <c>slot</c>), one per search with the spec it was built from, so consecutive trials of a search reuse a warm trainer (a long-lived process, a loaded table).</summary>
public sealed class TrainerCache(TrainerProvider provider, int slot, int capacity)
{
    private readonly LinkedList<Entry> _trainers = [];

    /// <summary>A search's trainer and the spec it was built from.</summary>
    public sealed record Entry(string SearchId, SearchSpec Spec, ITrainer Trainer);

    /// <summary>The cached trainer of a search, now the most recently used; null when none is cached.</summary>
    public Entry? Find(string searchId)
    {
        for (var node = _trainers.First; node is not null; node = node.Next)
        {
            if (node.Value.SearchId == searchId)
            {
                _trainers.Remove(node);
                _trainers.AddFirst(node);
                return node.Value;
            }
        }
        return null;
    }

    /// <summary>Builds and caches a search's trainer from its spec; building one may drop the least recently used.</summary>
    /// <returns>The new entry, and the trainers dropped to make room, which the caller disposes.</returns>
    public (Entry Entry, IReadOnlyList<ITrainer> Dropped) Build(string searchId, SearchSpec spec)
    {
        var entry = new Entry(searchId, spec, provider(spec, slot));
        _trainers.AddFirst(entry);
        var dropped = new List<ITrainer>();
        while (_trainers.Count > Math.Max(1, capacity))
        {
            dropped.Add(_trainers.Last!.Value.Trainer);
            _trainers.RemoveLast();
        }
        return (entry, dropped);
    }

    /// <summary>Removes a search's trainer (after it misbehaved) and returns it for disposal.</summary>
    public ITrainer? Remove(string searchId)
    {
        for (var node = _trainers.First; node is not null; node = node.Next)
        {
            if (node.Value.SearchId == searchId)
            {
                _trainers.Remove(node);
                return node.Value.Trainer;
            }
        }
        return null;
    }

    /// <summary>Removes every trainer and returns them for disposal.</summary>
    public IReadOnlyList<ITrainer> Clear()
    {
        var all = _trainers.Select(t => t.Trainer).ToList();
        _trainers.Clear();
        return all;
    }
}
