using LayerNas.Core.Space;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>
/// Reads the trials a new search may reuse, source after source and page after page: it says which page to ask for
/// next and, once every source is read or passed over, gives the import event the search records first.
/// </summary>
public sealed class TrialCacheReading(string searchId, SearchSpace space, IReadOnlyList<string> sources)
{
    private readonly TrialImports _imports = new(searchId, space);
    private int _source;
    private int _offset;

    /// <summary>The search whose trials are being read, or null once every source is read or passed over.</summary>
    public string? Reading => _source < sources.Count ? sources[_source] : null;

    /// <summary>The page to ask for next, or null once every source is read or passed over.</summary>
    public GetSearchTrials? Question => Reading is { } source ? new GetSearchTrials { SearchId = source, Offset = _offset } : null;

    /// <summary>Whether an answer about <paramref name="source"/> is about the source being read (one that comes after its source was passed over is not).</summary>
    public bool IsReading(string source) => Reading == source;

    /// <summary>Takes a page of the source being read and moves on to its next page, or to the next source after its last.</summary>
    public void Take(SearchTrials page)
    {
        _imports.Add(page.SearchId, page);
        var next = page.Offset + page.Trials.Count;
        if (page.Trials.Count > 0 && next < page.Total)
        {
            _offset = next;
            return;
        }
        PassOver();
    }

    /// <summary>Moves on to the next source, keeping what was read of this one: a source that is gone, cannot be read or does not answer is passed over, and its trials are trained again.</summary>
    public void PassOver() => (_source, _offset) = (_source + 1, 0);

    /// <summary>The import event: the trials read, each architecture once, in the order they were first seen.</summary>
    public TrialsImported Event() => _imports.Event();
}
