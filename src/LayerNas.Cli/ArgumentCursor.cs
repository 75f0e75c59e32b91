using System.Globalization;
using System.Numerics;

namespace LayerNas.Cli;

/// <summary>
/// Walks a command's arguments one at a time: options written <c>--name value</c> or <c>--name=value</c>, and plain
/// arguments. Every command reads its arguments through it, so all of them accept and refuse the same things.
/// </summary>
internal sealed class ArgumentCursor(IReadOnlyList<string> args)
{
    private int _index = -1;
    private string? _inline;

    /// <summary>The current argument's name: an option's part before '=', or the whole plain argument.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The current argument as written.</summary>
    public string Argument => args[_index];

    /// <summary>Whether the current argument is an option rather than a plain argument.</summary>
    public bool IsOption => Name.StartsWith('-') && Name.Length > 1;

    /// <summary>Moves to the next argument; false when there is none.</summary>
    public bool MoveNext()
    {
        if (++_index >= args.Count)
        {
            return false;
        }
        var arg = args[_index];
        (Name, _inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 0
            ? (arg[..eq], arg[(eq + 1)..])
            : (arg, null);
        return true;
    }

    /// <summary>The current option's non-empty value: after its '=', else the next argument, which it consumes.</summary>
    public string Value()
    {
        var value = _inline ?? (_index + 1 < args.Count ? args[++_index] : "");
        return value.Length > 0 ? value : throw new UsageException($"option {Name} needs a value");
    }

    /// <summary>The current option's value as a whole number within bounds.</summary>
    public T Number<T>(T min, T max) where T : IBinaryInteger<T>
    {
        var text = Value();
        return T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"option {Name} needs a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>The error for an option the command does not know.</summary>
    public UsageException Unknown() => new($"unknown option {Name}");
}
