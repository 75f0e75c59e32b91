using System.Collections.Immutable;

namespace LayerNas.Core.Space;

/// <summary>One layer of a search space: its name, its ordered options and, optionally, its default option.</summary>
public sealed record SearchLayer(string Name, ImmutableArray<LayerOption> Options, int? DefaultOption = null)
{
    /// <summary>Index of the option with this name, or -1.</summary>
    public int IndexOf(string option)
    {
        for (var i = 0; i < Options.Length; i++)
        {
            if (Options[i].Name == option)
            {
                return i;
            }
        }
        return -1;
    }
}
