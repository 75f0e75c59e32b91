using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>What a ledger decided about a batch of trial results.</summary>
/// <param name="Events">The events to persist, in order: a <see cref="TrialCompleted"/> or <see cref="TrialFailed"/> per result that settles a pending trial.</param>
/// <param name="Ignored">Results that settle nothing (their trial is not pending, an earlier result in the batch settles it, or the search is cancelled): acknowledge and drop them.</param>
public sealed record ResultsDecision(IReadOnlyList<IMessage> Events, IReadOnlyList<TrialResult> Ignored);
