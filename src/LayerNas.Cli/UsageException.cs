namespace LayerNas.Cli;

/// <summary>The command line cannot be understood; the message is the one line the user sees.</summary>
public sealed class UsageException(string message) : Exception(message);
