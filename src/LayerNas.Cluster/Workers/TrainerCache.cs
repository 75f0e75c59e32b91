using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Workers;

/// <summary>A worker slot's trainers, one per search, so consecutive trials of a search reuse a warm trainer (a long-lived process, a loaded table).</summary>
public sealed class TrainerCache(TrainerProvider provider, int capacity)
{
    private readonly LinkedList<(string SearchId, ITrainer Trainer)> _trainers = [];

    /// <summary>The trainer of a search, built on first use; building one may drop the least recently used.</summary>
    /// <returns>The trainer, and the trainers dropped to make room, which the caller disposes.</returns>
    public (ITrainer Trainer, IReadOnlyList<ITrainer> Dropped) Get(string searchId, SearchSpec spec)
    {
        for (var node = _trainers.First; node is not null; node = node.Next)
        {
            if (node.Value.SearchId == searchId)
            {
                _trainers.Remove(node);
                _trainers.AddFirst(node);
                return (node.Value.Trainer, []);
            }
        }
        var trainer = provider(spec);
        _trainers.AddFirst((searchId, trainer));
        var dropped = new List<ITrainer>();
        while (_trainers.Count > Math.Max(1, capacity))
        {
            dropped.Add(_trainers.Last!.Value.Trainer);
            _trainers.RemoveLast();
        }
        return (trainer, dropped);
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
