namespace LayerNas.Core.Space;

/// <summary>An architecture or a prefix of one: the chosen option index of each of its first layers.</summary>
/// <remarks>
/// Immutable. The canonical order (used to break every tie) compares option indices lexicographically, layer by
/// layer, and a shorter prefix sorts before its extensions.
/// </remarks>
public sealed class Architecture : IEquatable<Architecture>, IComparable<Architecture>
{
    private readonly int[] _choices;
    private readonly int _hash;

    /// <summary>Creates an architecture from option indices in layer order (the array is copied).</summary>
    public Architecture(ReadOnlySpan<int> choices) : this(choices.ToArray())
    {
    }

    private Architecture(int[] owned)
    {
        _choices = owned;
        var hash = new HashCode();
        foreach (var c in owned)
        {
            hash.Add(c);
        }
        _hash = hash.ToHashCode();
    }

    /// <summary>The empty prefix.</summary>
    public static Architecture Empty { get; } = new([]);

    /// <summary>How many layers are fixed.</summary>
    public int Length => _choices.Length;

    /// <summary>The option index chosen for a layer.</summary>
    public int this[int layer] => _choices[layer];

    /// <summary>The option indices in layer order.</summary>
    public ReadOnlySpan<int> Choices => _choices;

    /// <summary>This prefix with one more layer fixed.</summary>
    public Architecture Append(int option)
    {
        var next = new int[_choices.Length + 1];
        _choices.CopyTo(next, 0);
        next[^1] = option;
        return new Architecture(next);
    }

    /// <summary>This prefix extended to the length of <paramref name="fill"/> with the options <paramref name="fill"/> holds for the open layers.</summary>
    public Architecture CompletedWith(IReadOnlyList<int> fill)
    {
        var next = new int[fill.Count];
        _choices.CopyTo(next, 0);
        for (var layer = _choices.Length; layer < next.Length; layer++)
        {
            next[layer] = fill[layer];
        }
        return new Architecture(next);
    }

    /// <summary>This architecture with one layer's option replaced.</summary>
    public Architecture With(int layer, int option)
    {
        var next = (int[])_choices.Clone();
        next[layer] = option;
        return new Architecture(next);
    }

    /// <summary>The first <paramref name="depth"/> layers.</summary>
    public Architecture Prefix(int depth) => depth == Length ? this : new Architecture(_choices.AsSpan(0, depth));

    /// <inheritdoc />
    public bool Equals(Architecture? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _choices.AsSpan().SequenceEqual(other._choices)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Architecture);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public int CompareTo(Architecture? other) =>
        other is null ? 1 : _choices.AsSpan().SequenceCompareTo(other._choices);

    /// <summary>Option indices joined by ':' — stable and compact, for logs and keys.</summary>
    public override string ToString() => string.Join(':', _choices);
}
