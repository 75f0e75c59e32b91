using LayerNas.Core.Space;
using LayerNas.Trainers;

namespace LayerNas.Trainers.Tests;

/// <summary>A small space and training jobs over it.</summary>
internal static class Jobs
{
    public static readonly SearchSpace Space = new(
    [
        new SearchLayer("conv", [new LayerOption("c3", 1), new LayerOption("c5", 2)]),
        new SearchLayer("width", [new LayerOption("w16", 1), new LayerOption("w32", 2), new LayerOption("w64", 4)]),
    ]);

    public static TrainingJob For(params int[] choices)
    {
        var architecture = new Architecture(choices);
        return new TrainingJob("search-1", 1, architecture, Space.Names(architecture), 1);
    }
}
