using LayerNas.Core.Space;

namespace LayerNas.Core.Strategies;

/// <summary>A search algorithm as a pure state machine: it proposes complete architectures and is told their rewards.</summary>
/// <remarks>
/// Contract that keeps results independent of worker count and completion order: a strategy's state after a set of
/// reports must not depend on the order they arrived in (LayerNAS's memo tables break ties canonically; the
/// baselines work in rounds and apply a round's reports in proposal order). A strategy may propose the same
/// architecture again; the caller then answers from its trial cache.
/// </remarks>
public interface ISearchStrategy
{
    /// <summary>The strategy's name as specs spell it ("layernas", "random", …).</summary>
    string Name { get; }

    /// <summary>Architectures to evaluate next; empty while the strategy waits for reports or is done.</summary>
    IReadOnlyList<Architecture> Propose();

    /// <summary>The outcome of a proposed architecture: its reward, or null when its trial failed for good.</summary>
    void Report(Architecture architecture, double? reward);

    /// <summary>True once the strategy will propose nothing more.</summary>
    bool IsDone { get; }

    /// <summary>Where the strategy stands, for progress displays.</summary>
    SearchProgress Progress { get; }
}
