using LayerNas.Cli.Run;
using LayerNas.Cluster.Api;

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
        $"  --server defaults to ${ServerVariable} or {ApiEndpoint.DefaultUrl}; --token defaults to ${TokenVariable}";

    /// <summary>Reads a client command's arguments; throws <see cref="UsageException"/> naming the first problem.</summary>
    public static ClientOptions Parse(string command, IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? target = null, output = null, strategy = null, reason = null;
        var server = environment(ServerVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : ApiEndpoint.DefaultUrl;
        var token = environment(TokenVariable) is { Length: > 0 } tokenFromEnvironment ? tokenFromEnvironment : null;
        var watch = false;
        ulong? seed = null;
        long? maxTrials = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            string Value() => NonEmpty(name, inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option {name} needs a value")));
            void Only(params string[] commands)
            {
                if (!commands.Contains(command))
                {
                    throw new UsageException($"option {name} does not apply to layernas {command}");
                }
            }
            switch (name)
            {
                case "--server":
                    server = Value();
                    break;
                case "--token":
                    token = Value();
                    break;
                case "--watch":
                    Only("submit");
                    watch = true;
                    break;
                case "--output":
                    Only("submit", "watch", "result");
                    output = Value();
                    break;
                case "--strategy":
                    Only("submit");
                    strategy = Value();
                    break;
                case "--seed":
                    Only("submit");
                    seed = RunOptions.Number(name, Value(), 0UL, ulong.MaxValue, ulong.Parse);
                    break;
                case "--max-trials":
                    Only("submit");
                    maxTrials = RunOptions.Number(name, Value(), 1L, long.MaxValue, long.Parse);
                    break;
                case "--reason":
                    Only("cancel");
                    reason = Value();
                    break;
                default:
                    if (name.StartsWith('-') && name.Length > 1)
                    {
                        throw new UsageException($"unknown option {name}");
                    }
                    target = target is null && command != "list" ? arg : throw new UsageException($"unexpected argument '{arg}'");
                    break;
            }
        }
        if (target is null && command != "list")
        {
            throw new UsageException(command == "submit" ? "missing the spec file" : "missing the search id");
        }
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server '{server}' is not a URL like {ApiEndpoint.DefaultUrl}");
        }
        // An output file means waiting for the result.
        return new ClientOptions(command, target, server, token, watch || output is not null, output, strategy, seed, maxTrials, reason);
    }

    private static string NonEmpty(string option, string value) =>
        value.Length > 0 ? value : throw new UsageException($"option {option} needs a value");
}
