using System.Collections.Immutable;

namespace LayerNas.Core.Space;

/// <summary>L layers, each with an ordered, non-empty set of options.</summary>
public sealed class SearchSpace
{
    /// <summary>Creates a space; every layer must have at least one option.</summary>
    public SearchSpace(IEnumerable<SearchLayer> layers)
    {
        Layers = [.. layers];
        if (Layers.Length == 0)
        {
            throw new ArgumentException("a search space needs at least one layer", nameof(layers));
        }
        foreach (var layer in Layers)
        {
            if (layer.Options.IsDefaultOrEmpty)
            {
                throw new ArgumentException($"layer '{layer.Name}' has no options", nameof(layers));
            }
        }
    }

    /// <summary>The layers in order.</summary>
    public ImmutableArray<SearchLayer> Layers { get; }

    /// <summary>L, the number of layers.</summary>
    public int Depth => Layers.Length;

    /// <summary>|S_i| of a layer.</summary>
    public int OptionCount(int layer) => Layers[layer].Options.Length;

    /// <summary>How many complete architectures the space holds (saturates at <see cref="long.MaxValue"/>).</summary>
    public long Size
    {
        get
        {
            long size = 1;
            foreach (var layer in Layers)
            {
                size = size > long.MaxValue / layer.Options.Length ? long.MaxValue : size * layer.Options.Length;
            }
            return size;
        }
    }

    /// <summary>The option names of an architecture or prefix, in layer order.</summary>
    public string[] Names(Architecture architecture)
    {
        var names = new string[architecture.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Layers[i].Options[architecture[i]].Name;
        }
        return names;
    }

    /// <summary>The option names joined by ':' — the key of benchmark tables.</summary>
    public string Key(Architecture architecture) => string.Join(':', Names(architecture));

    /// <summary>Every complete architecture in canonical order.</summary>
    public IEnumerable<Architecture> Enumerate()
    {
        var choices = new int[Depth];
        while (true)
        {
            yield return new Architecture(choices);
            var layer = Depth - 1;
            while (layer >= 0 && ++choices[layer] == Layers[layer].Options.Length)
            {
                choices[layer] = 0;
                layer--;
            }
            if (layer < 0)
            {
                yield break;
            }
        }
    }
}
