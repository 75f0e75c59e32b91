using System.CommandLine;

namespace LayerNas.Cli.CommandLine;

/// <summary>The one plain argument a command takes, such as its spec file or a search id.</summary>
internal static class PlainArgument
{
    /// <summary>
    /// A required argument named in words (<paramref name="noun"/>: "spec file") and shown as <paramref name="helpName"/>
    /// in help. A word that looks like an option is never taken as the argument: it is left unmatched, so
    /// <c>layernas run --frob</c> is an unknown option rather than a spec file called "--frob".
    /// </summary>
    public static Argument<string> Required(string noun, string helpName, string description) => new(noun)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result =>
        {
            var value = result.Tokens[0].Value;
            if (UsageProblem.LooksLikeOption(value))
            {
                result.OnlyTake(0);
                return null;
            }
            return value;
        },
    };
}
