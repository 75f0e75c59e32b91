using LayerNas.Core.Space;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>
/// Gathers the trials a search reuses from the trial pages of its sources: each trained architecture once, as the
/// search that first trained it recorded it; failures are left out, so a search tries them again.
/// </summary>
public sealed class TrialImports(string searchId, SearchSpace space)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly TrialsImported _imported = new() { SearchId = searchId };

    /// <summary>
    /// Adds a page of a source's trials; the earliest source that holds an architecture gives it. A trial that does not
    /// fit the space (an option it lacks, another depth) is passed over, so the search trains what it needs itself.
    /// </summary>
    /// <remarks>
    /// Sources share the search's fingerprint, so none fits badly today; were one to, throwing here would fail the
    /// coordinator's import, and its restart would read the same page again.
    /// </remarks>
    public void Add(string source, SearchTrials page)
    {
        if (!_imported.Sources.Contains(source))
        {
            _imported.Sources.Add(source);
        }
        foreach (var record in page.Trials.Where(t => !t.Failed))
        {
            if (Choices(record.Architecture) is not { } choices || !_keys.Add(string.Join(':', record.Architecture)))
            {
                continue;
            }
            _imported.Trials.Add(new TrialCompleted
            {
                // A trial its source reused names the search that trained it, so chains of reuse lead to the training.
                SearchId = record.ReusedFrom.Length > 0 ? record.ReusedFrom : source,
                TrialNumber = record.TrialNumber,
                Architecture = { choices },
                Reward = record.Reward,
                Metrics = { record.Metrics },
                Worker = record.Worker,
                Seconds = record.Seconds,
                Attempts = record.Attempts,
                RecordedUnixMs = record.RecordedUnixMs,
            });
        }
    }

    /// <summary>The import event: the trials gathered, in the order they were first seen.</summary>
    public TrialsImported Event() => _imported.Clone();

    private int[]? Choices(IReadOnlyList<string> names)
    {
        if (names.Count != space.Depth)
        {
            return null;
        }
        var choices = new int[names.Count];
        for (var layer = 0; layer < names.Count; layer++)
        {
            choices[layer] = space.Layers[layer].IndexOf(names[layer]);
            if (choices[layer] < 0)
            {
                return null;
            }
        }
        return choices;
    }
}
