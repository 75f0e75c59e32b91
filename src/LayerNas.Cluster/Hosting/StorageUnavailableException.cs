namespace LayerNas.Cluster.Hosting;

/// <summary>The database cannot be used (unreachable, refused the login, does not exist); the message says which and why in one line.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
