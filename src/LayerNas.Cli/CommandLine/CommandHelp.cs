using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace LayerNas.Cli.CommandLine;

/// <summary>
/// The help of every command: a one-line synopsis (<c>usage: layernas run SPEC [options]</c>) and the command's
/// description, then the library's own tables of arguments, options and subcommands, which it wraps to the terminal.
/// </summary>
internal sealed class CommandHelp : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
        return ExitCodes.Ok;
    }

    /// <summary>Writes the help of <paramref name="command"/>.</summary>
    public static void Write(Command command, TextWriter output)
    {
        output.WriteLine($"usage: {Synopsis(command)}");
        // The library's help opens with a "Description:" and a "Usage:" section; the synopsis above replaces its usage
        // line, and the description reads better without a heading right under it.
        foreach (var section in LibraryHelp(command).Split($"{Environment.NewLine}{Environment.NewLine}", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = section.Split(Environment.NewLine);
            if (lines[0] == "Usage:")
            {
                continue;
            }
            output.WriteLine();
            foreach (var line in lines[0] == "Description:" ? lines[1..].Select(l => l.TrimStart()) : lines)
            {
                output.WriteLine(line);
            }
        }
    }

    private static string LibraryHelp(Command command)
    {
        var help = new StringWriter();
        var parsed = command.Parse([]);
        parsed.InvocationConfiguration.Output = help;
        new HelpAction().Invoke(parsed);
        return help.ToString().TrimEnd();
    }

    private static string Synopsis(Command command)
    {
        var words = new List<string> { UsageProblem.Path(command) };
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            words.Add("COMMAND");
        }
        words.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => a.HelpName ?? a.Name));
        words.Add("[options]");
        return string.Join(' ', words);
    }
}
