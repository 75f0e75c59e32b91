using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;
using OpenQA.Selenium;

namespace LayerNas.Cli.Tests.Dashboard;

/// <summary>The dashboard, /metrics and the probes of real nodes, read by a real headless Chromium and a plain HTTP client.</summary>
public sealed class DashboardTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_pages_follow_a_real_search_show_the_api_numbers_and_cancel_a_search()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 1);
        var api = new SearchService.SearchServiceClient(GrpcChannel.ForAddress(cluster.Api));
        var spec = SpecFile.Load(SyntheticSpecs.Write(cluster.Folder.Path, "watched", seed: 3, seconds: 0.4));
        var searchId = (await api.SubmitAsync(new SubmitRequest { Spec = spec })).SearchId;
        using var browser = Browser.Start();

        // The searches list shows it running.
        browser.Open(cluster.Dashboard);
        browser.Find($"tr[data-search='{searchId}']");

        // Its page follows it without a reload: the trained count grows while the search runs.
        browser.Open($"{cluster.Dashboard}/searches/{searchId}");
        var first = Count(browser.TextWhen("#trained", text => Count(text) > 0, "a first trained trial"));
        browser.TextWhen("#trained", text => Count(text) > first, "more trained trials than before");
        SearchStatus finished = new();
        await Wait.UntilAsync(async () => (finished = await api.GetAsync(new GetRequest { SearchId = searchId })).State == "finished", Deadline, "the search to finish");
        var result = finished.Result;

        // Once it ends, the page shows the API's numbers.
        browser.TextWhen(".state[data-state]", text => text == "finished", "the search finished");
        Assert.Equal(result.TrialsTrained, Count(browser.Find("#trained").Text));
        Assert.Equal(string.Join(" ", result.Best.Architecture.Select((name, i) => $"{finished.LayerNames[i]}={name}")), browser.Find("#best-architecture").Text);
        browser.TextWhen("#trial-total", text => Count(text) == result.TrialsTrained + result.TrialsFailed, "every settled trial in the trial table");
        browser.ClickUntil("#depth-1", "#buckets-1");
        Assert.Equal(result.Depths[0].Kept, browser.Driver.FindElements(By.CssSelector("#buckets-1 tbody tr")).Count);
        browser.Find("#cost-reward-chart .main-svg");
        browser.Screenshot("dashboard-search.png");

        // The trial table sorts on the server: by reward, best first, its first row is the best trial.
        browser.Driver.FindElements(By.CssSelector("#trials th .col-title")).Single(e => e.Text == "Reward").Click();
        browser.Driver.FindElements(By.CssSelector("#trials th .col-title")).Single(e => e.Text == "Reward").Click();
        browser.TextWhen("#trials tbody tr:first-child [data-field='architecture']", text => text.Contains(result.Best.Architecture[^1], StringComparison.Ordinal) && text == string.Join(" ", result.Best.Architecture.Select((name, i) => $"{finished.LayerNames[i]}={name}")), "the best trial first");

        // /metrics counts what the search's result counts.
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync($"{cluster.Dashboard}/metrics");
        Assert.Equal(result.TrialsTrained, Metric(metrics, "layernas_trials_total", "state=\"trained\""));
        Assert.Equal(result.TrialsTrained, Metric(metrics, "layernas_trial_duration_seconds_count", null));
        Assert.Equal(1, Metric(metrics, "layernas_searches", "state=\"finished\""));
        Assert.True(Metric(metrics, "layernas_results_persisted_total", null) >= result.TrialsTrained);

        browser.Open($"{cluster.Dashboard}/workers");
        browser.Find("#workers tr[data-worker]");
        browser.Find("#utilization-chart .main-svg");
        browser.Screenshot("dashboard-workers.png");

        // A search with several targets shows each target's own memo tables.
        var family = spec.Clone();
        family.Name = "family";
        family.Target = null;
        family.Targets.Add(new Target { Max = 10 });
        family.Targets.Add(new Target { Min = 8, Max = 16 });
        family.Trainer.Synthetic.Seconds = 0;
        var familyId = (await api.SubmitAsync(new SubmitRequest { Spec = family })).SearchId;
        SearchResult familyResult = new();
        await Wait.UntilAsync(async () => (familyResult = (await api.GetAsync(new GetRequest { SearchId = familyId })).Result ?? new()).Targets.Count == 2, Deadline, "the search with two targets to finish");
        browser.Open($"{cluster.Dashboard}/searches/{familyId}");
        browser.ClickUntil("#target-1", "#target-1.open");
        browser.ClickUntil("#depth-2", "#buckets-2");
        Assert.Equal(familyResult.Targets[1].Depths[1].Kept, browser.Driver.FindElements(By.CssSelector("#buckets-2 tbody tr")).Count);
        browser.ClickUntil("#target-0", "#target-0.open");
        browser.TextWhen("#memo-tables tr.depth-row[data-depth='2'] [data-field='kept']", text => Count(text) == familyResult.Targets[0].Depths[1].Kept, "the first target's depth 2");

        // A cancel from the searches list cancels a running search.
        var slow = SpecFile.Load(SyntheticSpecs.Write(cluster.Folder.Path, "slow", seed: 4, seconds: 2));
        var slowId = (await api.SubmitAsync(new SubmitRequest { Spec = slow })).SearchId;
        browser.Open(cluster.Dashboard);
        browser.TextWhen($"tr[data-search='{slowId}'] [data-field='trained']", text => Count(text) > 0, "the slow search training");
        browser.Screenshot("dashboard-searches.png");
        browser.ClickUntil($"#cancel-{slowId}", $"#confirm-cancel-{slowId}").Click();
        await Wait.UntilAsync(async () => (await api.GetAsync(new GetRequest { SearchId = slowId })).State == "cancelled", Deadline, "the search to be cancelled");
        browser.TextWhen($"tr[data-search='{slowId}'] .state", text => text == "cancelled", "the search cancelled");
    }

    [Fact]
    public async Task Ready_is_unhealthy_until_the_node_joins_its_cluster_and_live_all_along()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 0);
        var (lonelyWeb, joinedWeb) = ($"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}");
        using var lonely = LayernasProcess.Start(cluster.Folder.Path, null,
            "node", "--role", "worker", "--port", "0", "--seed", $"akka.tcp://layernas@127.0.0.1:{FreePort()}", "--dashboard", lonelyWeb);
        using var http = new HttpClient();

        await Wait.UntilAsync(async () => await Status(http, $"{lonelyWeb}/healthz/live") == HttpStatusCode.OK, Deadline, "the lonely worker live");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Status(http, $"{lonelyWeb}/healthz/ready"));

        using var joined = LayernasProcess.Start(cluster.Folder.Path, null,
            "node", "--role", "worker", "--port", "0", "--seed", cluster.Address, "--dashboard", joinedWeb);
        await joined.LineAsync("node up at ", Deadline);
        await Wait.UntilAsync(async () => await Status(http, $"{joinedWeb}/healthz/ready") == HttpStatusCode.OK, Deadline, "the joined worker ready");
        Assert.Equal(HttpStatusCode.OK, await Status(http, $"{cluster.Dashboard}/healthz/ready"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Status(http, $"{lonelyWeb}/healthz/ready"));
        Assert.Contains("layernas_slots", await http.GetStringAsync($"{joinedWeb}/metrics"));
    }

    private static async Task<HttpStatusCode?> Status(HttpClient http, string url)
    {
        try
        {
            return (await http.GetAsync(url)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [Fact]
    public async Task Beyond_loopback_the_page_and_metrics_need_the_token_and_health_stays_open()
    {
        const string token = "dashboard-secret-token";
        await using var cluster = await LocalCluster.StartAsync(workers: 0, coordinatorArgs: ["--api", "http://0.0.0.0:0", "--dashboard", "http://0.0.0.0:0", "--token", token]);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var page = await http.GetAsync(cluster.Dashboard);
        var metrics = await http.GetAsync($"{cluster.Dashboard}/metrics");
        var wrong = await Send(http, $"{cluster.Dashboard}/metrics", "not-the-token");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{cluster.Dashboard}/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{cluster.Dashboard}/healthz/ready")).StatusCode);

        var signedPage = await Send(http, cluster.Dashboard, token);
        var signedMetrics = await Send(http, $"{cluster.Dashboard}/metrics", token);
        Assert.Equal(HttpStatusCode.OK, signedPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedMetrics.StatusCode);
        Assert.DoesNotContain(token, await signedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("layernas_searches", await signedMetrics.Content.ReadAsStringAsync());

        // The login form lets a browser in with the token, and no page shows it.
        using var browser = Browser.Start();
        browser.Open(cluster.Dashboard);
        browser.Find("#token").SendKeys("not-the-token");
        browser.Find("#sign-in").Click();
        browser.Find("#login-refused");
        browser.Find("#token").Clear();
        browser.Find("#token").SendKeys(token);
        browser.Find("#sign-in").Click();
        browser.Find("#no-searches");
        Assert.DoesNotContain(token, browser.Driver.PageSource, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", token);
        return http.SendAsync(request);
    }

    private static long Count(string text) => long.TryParse(text.Split(' ')[0].Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : -1;

    /// <summary>The sum of a metric's samples ("name{labels} value [timestamp]") whose labels contain <paramref name="label"/> (all of them for null).</summary>
    private static long Metric(string scrape, string name, string? label) => (long)scrape.Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
        .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
