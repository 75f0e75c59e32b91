namespace LayerNas.Trainers;

/// <summary>The worker slot a trainer serves: its index on its node (0 to slots − 1) and the GPU the operator bound it to, if any.</summary>
public sealed record TrainerSlot(int Index, string? Gpu)
{
    /// <summary>The environment variable that tells every process trainer its slot's index.</summary>
    public const string SlotVariable = "LAYERNAS_SLOT";

    /// <summary>The environment variable that tells a process trainer of a slot bound to a GPU which one to use.</summary>
    public const string GpuVariable = "CUDA_VISIBLE_DEVICES";

    /// <summary>The first slot of a node without GPUs.</summary>
    public static TrainerSlot First { get; } = new(0, null);
}
