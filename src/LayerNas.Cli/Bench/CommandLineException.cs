namespace LayerNas.Cli.Bench;

/// <summary>Arguments a command cannot run with; the message is one line saying what is wrong.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
