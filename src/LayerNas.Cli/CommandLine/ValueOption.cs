using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace LayerNas.Cli.CommandLine;

/// <summary>
/// Options that take a value, written <c>--name value</c> or <c>--name=value</c>. Given twice, the last value counts;
/// given without a value, the option is refused by name. Values go through layernas's own readers, so every refusal is
/// one line in layernas's words, never the library's type-conversion message.
/// </summary>
internal static class ValueOption
{
    /// <summary>An option whose value is kept as written.</summary>
    public static Option<string> Text(string name, string helpName, string description) =>
        Create(name, helpName, description, values => values[^1]);

    /// <summary>An option whose last value <paramref name="read"/> reads; it throws <see cref="UsageException"/> for a value it cannot use.</summary>
    public static Option<T> Parsed<T>(string name, string helpName, string description, Func<string, T> read) =>
        Create(name, helpName, description, values => read(values[^1]));

    /// <summary>An option whose value is a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<T?> Number<T>(string name, string helpName, string description, T min, T max)
        where T : struct, IBinaryInteger<T> =>
        Create<T?>(name, helpName, description, values =>
            T.TryParse(values[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new UsageException($"option {name} needs a whole number from {min} to {max}, not '{values[^1]}'"));

    /// <summary>An option that reads all the values it was given, one per occurrence, in order.</summary>
    public static Option<T> Create<T>(string name, string helpName, string description, Func<IReadOnlyList<string>, T> read)
    {
        // Any number of occurrences with one value each: a repeated option is not the library's arity error, and a
        // missing value is refused below in layernas's words.
        var option = new Option<T>(name)
        {
            HelpName = helpName,
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => Read(result, read),
        };
        option.Validators.Add(RefuseMissingValue);
        return option;
    }

    private static T? Read<T>(ArgumentResult result, Func<IReadOnlyList<string>, T> read)
    {
        try
        {
            return read([.. result.Tokens.Select(t => t.Value)]);
        }
        catch (UsageException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }

    private static void RefuseMissingValue(OptionResult result)
    {
        if (result.Tokens.Count < result.IdentifierTokenCount || result.Tokens.Any(t => t.Value.Length == 0))
        {
            result.AddError($"option {result.Option.Name} needs a value");
        }
    }
}
