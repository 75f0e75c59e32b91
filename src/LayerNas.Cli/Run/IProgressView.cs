using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Run;

/// <summary>Shows a running search: trials done of the current depth's total and the best reward so far.</summary>
public interface IProgressView
{
    /// <summary>Shows an update.</summary>
    void Show(SearchProgressUpdate update);

    /// <summary>Marks the last depth done; called once the search has finished.</summary>
    void Complete();
}
