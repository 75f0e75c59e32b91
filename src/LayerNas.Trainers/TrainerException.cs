namespace LayerNas.Trainers;

/// <summary>A trial's training failed; the message is the readable reason recorded with the trial.</summary>
public sealed class TrainerException(string reason, Exception? inner = null) : Exception(reason, inner);
