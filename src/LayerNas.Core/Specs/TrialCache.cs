using System.Security.Cryptography;
using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>
/// The shared trial cache: which searches of a journal may reuse each other's trained trials. Two searches share
/// trials when both opt in and their fingerprints match: the same layers and the same trainer block (kind, program or
/// registered name, settings, table path, timeout and retries), the parts of a spec that decide what training an
/// architecture yields. Target, budget, name, cost model and strategy do not enter it: they choose which
/// architectures are trained, not what training one yields.
/// </summary>
public static class TrialCache
{
    /// <summary>The spec value that shares nothing (the default).</summary>
    public const string Off = "off";

    /// <summary>The spec value that reuses, and offers, trained trials.</summary>
    public const string Shared = "shared";

    /// <summary>Whether a spec opts in to the shared trial cache.</summary>
    public static bool IsShared(SearchSpec spec) => spec.TrialCache == Shared;

    /// <summary>"t-" and the SHA-256 of the canonical bytes of the spec's layers and trainer: equal exactly for specs whose trials may be shared.</summary>
    public static string Fingerprint(SearchSpec spec)
    {
        var outcomeParts = new SearchSpec { Layers = { spec.Layers }, Trainer = spec.Trainer };
        return "t-" + Convert.ToHexStringLower(SHA256.HashData(SearchIds.Canonical(outcomeParts).ToByteArray()));
    }

    /// <summary>The key a search offers its trials under and reuses others' by: its fingerprint when it opts in, null when it does not.</summary>
    public static string? Key(SearchSpec spec) => IsShared(spec) ? Fingerprint(spec) : null;

    /// <summary>
    /// The searches a newly submitted <paramref name="spec"/> reuses trials from: of <paramref name="ended"/> (searches
    /// that had ended when it was submitted, in submission order, each with its <see cref="Key"/>), those under the
    /// same key. Only ended searches count, so what a search reuses is fixed when it is submitted and never depends on
    /// how far searches running beside it have come. None when <paramref name="spec"/> does not opt in.
    /// </summary>
    public static IReadOnlyList<string> Sources(SearchSpec spec, IEnumerable<(string SearchId, string? Key)> ended) =>
        Key(spec) is { } key ? [.. ended.Where(e => e.Key == key).Select(e => e.SearchId)] : [];
}
