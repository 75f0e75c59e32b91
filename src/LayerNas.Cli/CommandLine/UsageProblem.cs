using System.CommandLine;
using System.CommandLine.Parsing;

namespace LayerNas.Cli.CommandLine;

/// <summary>
/// Words the first problem of a command line that did not parse as one line: what the user typed wrong, never how the
/// parser saw it. The library's own messages are kept only for problems layernas has no words of its own for.
/// </summary>
internal static class UsageProblem
{
    /// <summary>The first problem of <paramref name="result"/>, or null when it parsed.</summary>
    public static string? Of(ParseResult result)
    {
        if (result.Errors.Count == 0)
        {
            return null;
        }
        var command = result.CommandResult.Command;
        if (command.TreatUnmatchedTokensAsErrors && result.UnmatchedTokens.Count > 0)
        {
            return Unmatched(command, result.UnmatchedTokens);
        }
        var error = result.Errors[0];
        return error.SymbolResult switch
        {
            CommandResult { Command: { Subcommands.Count: > 0 } parent } =>
                $"{Name(parent)} needs a subcommand: {string.Join(" or ", parent.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}",
            ArgumentResult { Argument: var argument, Parent: CommandResult, Tokens.Count: 0 } => $"missing the {argument.Name}",
            OptionResult { Option: { Required: true } option, Implicit: true } => $"missing {option.Name} {option.HelpName}: {option.Description}",
            _ => error.Message.TrimEnd('.'),
        };
    }

    /// <summary>The problem with words no argument or option of <paramref name="command"/> took: an unknown option first, else the first word.</summary>
    public static string Unmatched(Command command, IReadOnlyList<string> unmatched)
    {
        if (unmatched.FirstOrDefault(LooksLikeOption) is { } option)
        {
            return $"unknown option {option}";
        }
        var word = unmatched[0];
        if (command.Subcommands.Count > 0)
        {
            return $"unknown command '{(command is RootCommand ? "" : $"{Name(command)} ")}{word}'";
        }
        return command.Arguments.FirstOrDefault(a => !a.Hidden) is { } argument
            ? $"unexpected argument '{word}': give one {argument.Name}"
            : $"unexpected argument '{word}'";
    }

    /// <summary>Whether a word is written as an option: a dash and at least one more character.</summary>
    public static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-';

    /// <summary>How the user calls <paramref name="command"/>: <c>layernas bench compare</c>.</summary>
    public static string Path(Command command) => command is RootCommand ? "layernas" : $"layernas {Name(command)}";

    /// <summary>The command's words after <c>layernas</c>: <c>bench compare</c>.</summary>
    private static string Name(Command command) => command.Parents.OfType<Command>().FirstOrDefault() is { } parent and not RootCommand
        ? $"{Name(parent)} {command.Name}"
        : command.Name;
}
