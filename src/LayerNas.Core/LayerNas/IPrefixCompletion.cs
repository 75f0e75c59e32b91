using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>Turns a prefix into the complete architecture LayerNAS trains it as.</summary>
/// <remarks>A completion must be a pure function of the prefix, so a search's trials never depend on arrival order.</remarks>
public interface IPrefixCompletion
{
    /// <summary>The complete architecture that starts with <paramref name="prefix"/> and stands for it in training.</summary>
    Architecture Complete(Architecture prefix);
}
