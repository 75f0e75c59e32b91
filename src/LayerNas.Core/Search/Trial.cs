using LayerNas.Core.Space;

namespace LayerNas.Core.Search;

/// <summary>One architecture to train; numbers are dense, start at 1 and follow proposal order; a lower priority is trained sooner.</summary>
public sealed record Trial(long Number, Architecture Architecture, double Priority = 0);
