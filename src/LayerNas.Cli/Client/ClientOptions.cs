using LayerNas.Cli.Run;
using LayerNas.Client;

namespace LayerNas.Cli.Client;

/// <summary>The arguments of the commands that talk to a coordinator: submit, status, watch, cancel, result, list.</summary>
/// <param name="Command">The command's name.</param>
/// <param name="Target">The spec file (submit) or the search id (status, watch, cancel, result); null for list.</param>
/// <param name="Server">The coordinator's API URL.</param>
/// <param name="Token">The bearer token, when the API needs one.</param>
/// <param name="Watch">Follow the search until it ends (submit).</param>
/// <param name="OutputPath">Where to write the result as proto3 JSON.</param>
/// <param name="Strategy">Strategy override (submit).</param>
/// <param name="Seed">Seed override (submit).</param>
/// <param name="MaxTrials">Trial budget override (submit).</param>
/// <param name="Reason">Why the search is cancelled (cancel).</param>
public sealed record ClientOptions(
    string Command, string? Target, string Server, string? Token, bool Watch, string? OutputPath,
    string? Strategy, ulong? Seed, long? MaxTrials, string? Reason)
{
    /// <summary>The environment variable that holds the API URL when --server is not given.</summary>
    public const string ServerVariable = "LAYERNAS_SERVER";

    /// <summary>The environment variable that holds the bearer token when --token is not given.</summary>
    public const string TokenVariable = "LAYERNAS_TOKEN";

    /// <summary>The commands these options serve.</summary>
    public static IReadOnlySet<string> Commands { get; } = new HashSet<string> { "submit", "status", "watch", "cancel", "result", "list" };

    /// <summary>How to call the commands.</summary>
    public const string Usage =
        "usage: layernas submit SPEC [--server URL] [--token T] [--watch] [--output RESULT.json] [--strategy NAME] [--seed S] [--max-trials N]\n" +
        "       layernas status|watch|result ID [--server URL] [--token T] [--output RESULT.json]\n" +
        "       layernas cancel ID [--server URL] [--token T] [--reason TEXT]\n" +
        "       layernas list [--server URL] [--token T]\n" +
        $"  --server defaults to ${ServerVariable} or {SearchApi.DefaultServer}; --token defaults to ${TokenVariable}";

    /// <summary>Reads a client command's arguments; throws <see cref="UsageException"/> naming the first problem.</summary>
    public static ClientOptions Parse(string command, IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? target = null, output = null, strategy = null, reason = null;
        var server = environment(ServerVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : SearchApi.DefaultServer;
        var token = environment(TokenVariable) is { Length: > 0 } tokenFromEnvironment ? tokenFromEnvironment : null;
        var watch = false;
        ulong? seed = null;
        long? maxTrials = null;
        var cursor = new ArgumentCursor(args);
        while (cursor.MoveNext())
        {
            void Only(params string[] commands)
            {
                if (!commands.Contains(command))
                {
                    throw new UsageException($"option {cursor.Name} does not apply to layernas {command}");
                }
            }
            switch (cursor.Name)
            {
                case "--server":
                    server = cursor.Value();
                    break;
                case "--token":
                    token = cursor.Value();
                    break;
                case "--watch":
                    Only("submit");
                    watch = true;
                    break;
                case "--output":
                    Only("submit", "watch", "result");
                    output = cursor.Value();
                    break;
                case "--strategy":
                    Only("submit");
                    strategy = cursor.Value();
                    break;
                case "--seed":
                    Only("submit");
                    seed = cursor.Number(0UL, ulong.MaxValue);
                    break;
                case "--max-trials":
                    Only("submit");
                    maxTrials = cursor.Number(1L, long.MaxValue);
                    break;
                case "--reason":
                    Only("cancel");
                    reason = cursor.Value();
                    break;
                case var _ when cursor.IsOption:
                    throw cursor.Unknown();
                default:
                    target = target is null && command != "list" ? cursor.Argument : throw new UsageException($"unexpected argument '{cursor.Argument}'");
                    break;
            }
        }
        if (target is null && command != "list")
        {
            throw new UsageException(command == "submit" ? "missing the spec file" : "missing the search id");
        }
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server '{server}' is not a URL like {SearchApi.DefaultServer}");
        }
        // An output file means waiting for the result.
        return new ClientOptions(command, target, server, token, watch || output is not null, output, strategy, seed, maxTrials, reason);
    }
}
