using System.Diagnostics;
using LayerNas.Cli.Tests.Support;

namespace LayerNas.Cli.Tests.CommandLine;

/// <summary>The bash completion script of tools/ against the built command, as a shell calls it on a tab.</summary>
public sealed class ShellCompletionTests
{
    [Theory]
    [InlineData("layernas s", "status submit")]
    [InlineData("layernas bench c", "compare")]
    [InlineData("layernas run spec.json --w", "--workers")]
    [InlineData("layernas run spec.json --strategy r", "random reinforce")]
    [InlineData("layernas node --role ", "both coordinator worker")]
    public async Task Tab_completes_commands_options_and_values(string line, string expected)
    {
        // The built command stands in for an installed one; then what bash sets before it calls a completion
        // function: the line, the cursor at its end, and its words.
        var script = $$"""
            layernas() { dotnet '{{Layernas.Dll}}' "$@"; }
            . '{{Script()}}'
            COMP_LINE='{{line}}'
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<<"$COMP_LINE"
            [[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _layernas
            echo "${COMPREPLY[*]}"
            """;
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync(new CancellationTokenSource(Layernas.Deadline).Token);

        Assert.True(bash.ExitCode == 0, await errors);
        Assert.Equal(expected, (await output).Trim());
    }

    private static string Script()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tools", "layernas-completion.bash");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"tools/layernas-completion.bash was not found above {AppContext.BaseDirectory}");
    }
}
