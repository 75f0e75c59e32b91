using CsCheck;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Client;

/// <summary>
/// Random and mutated specs and requests thrown for a bounded time at the API of an untrusted node and at
/// <c>layernas run</c>: every answer is a valid search or a clean one-line error, nothing hangs, nothing crashes, no
/// stack trace, and no spec command runs.
/// </summary>
public sealed class FuzzTests(UntrustedClusterFixture fixture, ITestOutputHelper output) : IClassFixture<UntrustedClusterFixture>
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    // The codes a refusal may have; anything else (UNKNOWN, INTERNAL, DEADLINE_EXCEEDED, UNAVAILABLE) is a failure.
    private static readonly StatusCode[] CleanRefusals =
        [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.ResourceExhausted];

    private static readonly Gen<Func<SearchService.SearchServiceClient, Task>> Requests = Gen.Frequency(
        (6, Gen.Select(SpecMutations.Specs, Gen.OneOf(Gen.Const(""), SpecMutations.Text)).Select((spec, id) => (Func<SearchService.SearchServiceClient, Task>)(api => SubmitAsync(api, spec, id)))),
        (1, SpecMutations.Text.Select(id => (Func<SearchService.SearchServiceClient, Task>)(async api => await api.GetAsync(new GetRequest { SearchId = id }, deadline: Deadline())))),
        (1, SpecMutations.Text.Select(id => (Func<SearchService.SearchServiceClient, Task>)(async api => await api.ResultAsync(new ResultRequest { SearchId = id }, deadline: Deadline())))),
        (1, Gen.Select(SpecMutations.Text, SpecMutations.Text).Select((id, reason) => (Func<SearchService.SearchServiceClient, Task>)(async api => await api.CancelAsync(new CancelRequest { SearchId = id, Reason = reason }, deadline: Deadline())))),
        (1, SpecMutations.Text.Select(id => (Func<SearchService.SearchServiceClient, Task>)(async api =>
        {
            using var call = api.Watch(new WatchRequest { SearchId = id }, deadline: Deadline());
            await call.ResponseStream.MoveNext();
        }))));

    [Fact]
    public async Task Random_specs_and_requests_get_a_valid_search_or_a_clean_error_from_the_api_for_a_minute()
    {
        var api = new SearchService.SearchServiceClient(GrpcChannel.ForAddress(fixture.Cluster.Api));
        var (calls, refused) = (0, 0);

        await Requests.SampleAsync(
            async request =>
            {
                Interlocked.Increment(ref calls);
                try
                {
                    await request(api);
                }
                catch (RpcException e)
                {
                    AssertClean(e);
                    Interlocked.Increment(ref refused);
                }
            },
            writeLine: output.WriteLine,
            iter: 1_000_000,
            time: 60,
            threads: 1);
        output.WriteLine($"{calls} calls, {refused} refused");

        var listed = await api.ListAsync(new ListRequest(), deadline: Deadline());
        Assert.True(calls >= 20, $"only {calls} calls in the time given");
        Assert.InRange(refused, 1, calls - 1);
        Assert.NotNull(listed);
        Assert.Empty(Directory.GetFiles(fixture.NodeFolder, "fuzz-ran-*"));
        Assert.DoesNotContain("Unhandled exception", fixture.Cluster.Coordinator.Stderr);
    }

    [Fact]
    public async Task Random_spec_files_given_to_layernas_run_finish_or_are_refused_with_one_line_for_half_a_minute()
    {
        using var folder = new TempFolder();
        File.Copy(fixture.Data.File("cnn4x4.csv"), folder.File("cnn4x4.csv"));
        var (runs, refused) = (0, 0);

        await SpecFiles.SampleAsync(
            async text =>
            {
                var spec = folder.File($"spec-{Interlocked.Increment(ref runs)}.json");
                await File.WriteAllTextAsync(spec, text);
                using var run = LayernasProcess.Start(folder.Path, null, "run", spec, "--max-trials", "5", "--db", folder.File($"{Path.GetFileNameWithoutExtension(spec)}.db"));
                var exit = await run.ExitAsync(Layernas.Deadline);

                Assert.False(run.Stderr.Contains("   at ", StringComparison.Ordinal), run.Stderr);
                if (exit == 2)
                {
                    Interlocked.Increment(ref refused);
                    Assert.StartsWith("error: ", Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
                }
                else
                {
                    Assert.True(exit == 0, $"exit code {exit}: {run.Stderr}");
                    Assert.Contains(run.Stdout, l => l.StartsWith("search s-", StringComparison.Ordinal));
                }
            },
            writeLine: output.WriteLine,
            iter: 1_000_000,
            time: 30,
            threads: 1);
        output.WriteLine($"{runs} runs, {refused} refused");

        Assert.True(runs >= 2, $"only {runs} runs in the time given");
    }

    // Spec files as a user might mistype them: a mutated spec as JSON, cut short, or with one character replaced.
    private static readonly Gen<string> SpecFiles = Gen.Select(SpecMutations.Specs, Gen.Int[0, 2], Gen.Double[0, 1], Gen.Char[(char)0, (char)0x7f]).Select((spec, edit, at, c) =>
    {
        var json = JsonFormatter.Default.Format(spec);
        var position = (int)(at * (json.Length - 1));
        return edit switch
        {
            0 => json,
            1 => json[..position],
            _ => string.Concat(json.AsSpan(0, position), c.ToString(), json.AsSpan(position + 1)),
        };
    });

    private static async Task SubmitAsync(SearchService.SearchServiceClient api, SearchSpec spec, string id)
    {
        var submitted = await api.SubmitAsync(new SubmitRequest { Spec = spec, SearchId = id }, deadline: Deadline());
        // An accepted search is valid: the node answers for it, and it is cancelled to leave the machine to the next call.
        var status = await api.GetAsync(new GetRequest { SearchId = submitted.SearchId }, deadline: Deadline());
        Assert.Equal(submitted.SearchId, status.SearchId);
        await api.CancelAsync(new CancelRequest { SearchId = submitted.SearchId, Reason = "fuzzed" }, deadline: Deadline());
    }

    private static void AssertClean(RpcException e)
    {
        Assert.True(CleanRefusals.Contains(e.StatusCode), $"{e.StatusCode}: {e.Status.Detail}");
        Assert.NotEmpty(e.Status.Detail);
        Assert.DoesNotContain("\n", e.Status.Detail);
        Assert.DoesNotContain("   at ", e.Status.Detail);
        Assert.DoesNotContain("Exception", e.Status.Detail);
        Assert.DoesNotContain(UntrustedClusterFixture.Secret, e.Status.Detail);
    }

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;
}
