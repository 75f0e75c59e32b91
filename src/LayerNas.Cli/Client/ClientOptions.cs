using System.CommandLine;
using LayerNas.Cli.CommandLine;
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

    private static readonly Argument<string> SpecArgument = PlainArgument.Required("spec file", "SPEC", "the search: proto3 JSON of layernas.v1.SearchSpec, checked here before it is sent");

    private static readonly Argument<string> SearchIdArgument = PlainArgument.Required("search id", "ID", "the search's id, s- and 12 hex digits, as submit and list print it");

    private static readonly Option<string> ServerOption = ValueOption.Text("--server", "URL", $"the coordinator's API [default: ${ServerVariable}, else {SearchApi.DefaultServer}]");

    // No default value shown: help never prints a token.
    private static readonly Option<string> TokenOption = ValueOption.Text("--token", "T", $"the API's bearer token [default: ${TokenVariable}]");

    private static readonly Option<bool> WatchOption = new("--watch") { Description = "follow the search's progress until it ends and print its result" };

    private static readonly Option<string> OutputOption = ValueOption.Text("--output", "RESULT.json", "wait for the result and write it there, as proto3 JSON of layernas.v1.SearchResult");

    private static readonly Option<string> ReasonOption = ValueOption.Text("--reason", "TEXT", "why the search is cancelled, kept in its journal");

    /// <summary>The client commands with their arguments and options, without their actions.</summary>
    internal static IReadOnlyList<Command> Commands() =>
    [
        Client("submit", "submit a spec to a cluster's coordinator; with --watch, follow it as layernas run does", SpecArgument,
            WatchOption, OutputOption, SpecOverrideOptions.Strategy, SpecOverrideOptions.Seed, SpecOverrideOptions.MaxTrials),
        Client("status", "show a search's state, its progress or result, and which worker nodes trained it", SearchIdArgument),
        Client("watch", "follow a search's progress until it ends and print its result", SearchIdArgument, OutputOption),
        Client("cancel", "cancel a search: training stops, and its result keeps the best found so far", SearchIdArgument, ReasonOption),
        Client("result", "print the result of a search that ended", SearchIdArgument, OutputOption),
        Client("list", "list the coordinator's searches with their state", null),
    ];

    /// <summary>
    /// The options a parsed client command line gives, with --server and --token from <paramref name="environment"/>
    /// when the command line leaves them out; throws <see cref="UsageException"/> for a server that is not a URL.
    /// </summary>
    internal static ClientOptions From(ParseResult result, Func<string, string?> environment)
    {
        var server = result.GetValue(ServerOption) ?? (environment(ServerVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : SearchApi.DefaultServer);
        var token = result.GetValue(TokenOption) ?? (environment(TokenVariable) is { Length: > 0 } tokenFromEnvironment ? tokenFromEnvironment : null);
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server '{server}' is not a URL like {SearchApi.DefaultServer}");
        }
        var output = result.GetValue(OutputOption);
        // An output file means waiting for the result.
        return new ClientOptions(
            result.CommandResult.Command.Name, result.GetValue(SpecArgument) ?? result.GetValue(SearchIdArgument), server, token, result.GetValue(WatchOption) || output is not null, output,
            result.GetValue(SpecOverrideOptions.Strategy), result.GetValue(SpecOverrideOptions.Seed), result.GetValue(SpecOverrideOptions.MaxTrials),
            result.GetValue(ReasonOption));
    }

    private static Command Client(string name, string description, Argument<string>? argument, params Option[] options)
    {
        var command = new Command(name, description);
        if (argument is not null)
        {
            command.Arguments.Add(argument);
        }
        foreach (var option in options.Append(ServerOption).Append(TokenOption))
        {
            command.Options.Add(option);
        }
        return command;
    }
}
