namespace LayerNas.Cluster.Client;

/// <summary>The search manager refused a search; the message says why.</summary>
public sealed class SearchRejectedException(string reason) : Exception(reason);
