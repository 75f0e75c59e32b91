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
        // The built command stands in for an installed one; then bash sets the line and the cursor, at its end, and
        // calls the completion function.
        var script = $$"""
            layernas() { dotnet '{{Layernas.Dll}}' "$@"; }
            . '{{Repository.File("tools/layernas-completion.bash")}}'
            COMP_LINE='{{line}}'
            COMP_POINT=${#COMP_LINE}
            _layernas
            echo "${COMPREPLY[*]}"
            """;
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Layernas.Deadline);
        await bash.WaitForExitAsync(deadline.Token);

        Assert.True(bash.ExitCode == 0, await errors);
        Assert.Equal(expected, (await output).Trim());
    }
}
