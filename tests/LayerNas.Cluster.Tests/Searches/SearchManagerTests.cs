using Akka.Actor;
using Akka.Hosting;
using Google.Protobuf;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class SearchManagerTests
{
    [Fact]
    public async Task Submitting_a_spec_again_is_idempotent_by_id_another_spec_under_its_id_is_refused_and_status_and_list_report_each_search()
    {
        using var folder = new TempFolder();
        await using var node = await TestNode.StartAsync(folder.File("manager.db"), RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));
        var manager = ActorRegistry.For(node.System).Get<SearchManager>();

        var first = await node.Client.SubmitAsync("one", TestSpecs.Burger(), SearchRuns.Deadline);
        var again = await node.Client.SubmitAsync("one", TestSpecs.Burger(), SearchRuns.Deadline);
        var other = await Assert.ThrowsAsync<SearchRejectedException>(() => node.Client.SubmitAsync("one", TestSpecs.Burger("renamed"), SearchRuns.Deadline));
        var result = await SearchRuns.FinishAsync(node.Client, "one");
        var status = await manager.Ask<SearchStatus>(new GetSearchStatus { SearchId = "one" }, SearchRuns.Deadline);
        var list = await manager.Ask<SearchList>(new ListSearches(), SearchRuns.Deadline);
        var missing = await manager.Ask<IMessage>(new GetSearchStatus { SearchId = "none" }, SearchRuns.Deadline);

        Assert.False(first.Existing);
        Assert.True(again.Existing);
        Assert.StartsWith("search one already exists with another spec", other.Message);
        Assert.Equal(("finished", result), (status.State, status.Result));
        Assert.Equal("burger", Assert.Single(list.Searches).Name);
        Assert.Equal("none", Assert.IsType<SearchNotFound>(missing).SearchId);
    }

    [Fact]
    public async Task A_spec_that_does_not_compile_is_rejected_with_its_reason_and_nothing_is_recorded()
    {
        using var folder = new TempFolder();
        await using var node = await TestNode.StartAsync(folder.File("manager.db"), RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));
        var manager = ActorRegistry.For(node.System).Get<SearchManager>();

        var error = await Assert.ThrowsAsync<SearchRejectedException>(() => node.Client.SubmitAsync("empty", new SearchSpec { Name = "empty" }, SearchRuns.Deadline));
        var list = await manager.Ask<SearchList>(new ListSearches(), SearchRuns.Deadline);

        Assert.Equal("$.layers: a search needs at least one layer", error.Message);
        Assert.Empty(list.Searches);
        Assert.Empty(JournalReader.Events(folder.File("manager.db"), SearchManager.Name));
    }

    [Fact]
    public async Task A_subscriber_to_an_unknown_search_hears_that_it_does_not_exist()
    {
        using var folder = new TempFolder();
        await using var node = await TestNode.StartAsync(folder.File("manager.db"), RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));

        var heard = new List<IMessage>();
        using var deadline = new CancellationTokenSource(SearchRuns.Deadline);
        await foreach (var message in node.Client.WatchAsync("ghost", deadline.Token))
        {
            heard.Add(message);
        }

        Assert.IsType<SearchNotFound>(Assert.Single(heard));
    }
}
