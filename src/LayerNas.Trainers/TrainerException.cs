namespace LayerNas.Trainers;

/// <summary>A trial's training failed; the message is the readable reason recorded with the trial.</summary>
public sealed class TrainerException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>The last lines of the trial's log, for a trainer that keeps one; empty otherwise.</summary>
    public string LogTail { get; init; } = "";
}
