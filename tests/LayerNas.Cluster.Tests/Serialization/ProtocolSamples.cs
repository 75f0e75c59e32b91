using Google.Protobuf;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Serialization;

/// <summary>One fully populated instance of every protocol message, so a round trip exercises every field.</summary>
internal static class ProtocolSamples
{
    private static readonly SearchSpec Spec = TestSpecs.Burger();

    private static Candidate Candidate() => new() { Architecture = { "sesame", "beef", "lettuce" }, Reward = 0.75, Cost = 8, Metrics = { ["loss"] = 0.25 } };

    private static SearchResult Result() => new()
    {
        SearchId = "s-1",
        Name = "burger",
        Strategy = "layernas",
        Status = "finished",
        Best = Candidate(),
        TrialsTrained = 30,
        TrialsFailed = 1,
        TrialsCached = 2,
        ParetoFront = { Candidate() },
        FailedTrials = { new FailedTrial { Architecture = { "plain", "bean", "truffle" }, Reason = "boom", Attempts = 3 } },
        Depths = { new DepthSummary { Depth = 1, Children = 4, Pruned = 0, Evaluated = 4, Failed = 0, Kept = 4 } },
        Passes = { new PassSummary { Buckets = 4, KeepPerBucket = 1, Trials = 30, Complete = true } },
        Targets = { new TargetResult { Min = 7, Max = 9, Best = Candidate(), Trials = 30, Passes = { new PassSummary { Buckets = 4, KeepPerBucket = 1, Trials = 30 } } } },
    };

    private static SearchProgressUpdate Progress() => new()
    {
        SearchId = "s-1", Stage = 2, Stages = 3, Done = 5, Total = 15, TrialsTrained = 9, TrialsCached = 1, TrialsFailed = 1, TrialsRunning = 4, Best = Candidate(), PassNumber = 2,
    };

    private static TrialCompleted Completed() => new()
    {
        SearchId = "s-1", TrialNumber = 7, Architecture = { 1, 2, 0 }, Reward = 0.5, Metrics = { ["accuracy"] = 0.5 }, Worker = "w", Seconds = 1.5, Attempts = 2, RecordedUnixMs = 1_700_000_000_000,
    };

    private static TrialFailed Failed() => new() { SearchId = "s-1", TrialNumber = 8, Architecture = { 0, 0, 3 }, Reason = "boom", Attempts = 3, RecordedUnixMs = 1_700_000_000_000 };

    private static TrialLease Lease() => new()
    {
        LeaseId = "l-1", SearchId = "s-1", TrialNumber = 7, Architecture = { 1, 2, 0 }, Attempt = 2, TimeoutSeconds = 60,
    };

    private static TrialResult Reported(long trial) => new()
    {
        LeaseId = $"l-{trial}", SearchId = "s-1", TrialNumber = trial, Attempt = 1, Worker = "w", Outcome = new TrainingOutcome { Reward = 0.5, Metrics = { ["a"] = 1 } }, Seconds = 2,
    };

    public static IReadOnlyList<IMessage> All { get; } =
    [
        new WorkRequest { Worker = "akka.tcp://layernas@127.0.0.1:1/user/workers/slot-1", RequestId = "ab-1", MaxTrials = 8 },
        Lease(),
        new TrialLeases { RequestId = "ab-1", Leases = { Lease() } },
        new GetSearchSpec { SearchId = "s-1" },
        new SearchSpecAnswer { SearchId = "s-1", Spec = Spec },
        new OpenSearch { SearchId = "s-1", Spec = Spec },
        new TrainingOutcome { Reward = 0.5, Metrics = { ["accuracy"] = 0.5 } },
        Reported(7),
        new TrialResults { Results = { Reported(7), Reported(8) } },
        new HandBack { LeaseIds = { "l-1", "l-2" }, Worker = "w" },
        new LeasesClosed { LeaseIds = { "l-1", "l-2" } },
        new ReadyTrial { TrialNumber = 3, Architecture = { 0, 1 }, Priority = 2.25 },
        new DispatchTrials { SearchId = "s-1", Trials = { new ReadyTrial { TrialNumber = 3, Architecture = { 0, 1 }, Priority = 2.25 } } },
        new WithdrawSearch { SearchId = "s-1" },
        new SubmitSearch { SearchId = "s-1", Spec = Spec },
        new SearchAccepted { SearchId = "s-1", Existing = true, Finished = true },
        new SearchRejected { SearchId = "s-1", Reason = "$.layers: none" },
        new SearchNotFound { SearchId = "s-1" },
        new SearchError { SearchId = "s-1", Reason = "table missing" },
        new SubscribeToSearch { SearchId = "s-1" },
        Progress(),
        new GetSearchStatus { SearchId = "s-1" },
        new SearchStatus
        {
            SearchId = "s-1", Name = "burger", State = "running", Progress = Progress(), Result = Result(), Error = "e",
            TrainedByNode = { ["akka.tcp://layernas@127.0.0.1:1"] = 12 }, LayerNames = { "bun", "patty", "topping" },
        },
        new GetSearchTrials { SearchId = "s-1", Offset = 256 },
        new SearchTrials
        {
            SearchId = "s-1", Offset = 256, Total = 300,
            Trials =
            {
                // Every field set, though a real record is either trained or failed, so the round trip covers them all.
                new TrialRecord
                {
                    TrialNumber = 7, Architecture = { "sesame", "beef", "lettuce" }, Cost = 8, Failed = true, Reward = 0.5, Metrics = { ["test_acc"] = 0.5 },
                    Seconds = 1.5, Worker = "w", FailureReason = "boom", Attempts = 3, RecordedUnixMs = 1_700_000_000_000,
                },
            },
        },
        new ListSearches(),
        new CancelSearch { SearchId = "s-1", Reason = "by request" },
        new SearchCancelAccepted { SearchId = "s-1", AlreadyEnded = true },
        new SearchList { Searches = { new SearchStatus { SearchId = "s-1", State = "finished", Result = Result() } } },
        new SearchLedgerSnapshot
        {
            SearchId = "s-1",
            Trials =
            {
                new LedgerTrial { TrialNumber = 7, Architecture = { 1, 2, 0 }, Reward = 0.5, MetricKeys = { 0 }, MetricValues = { 0.5 }, Worker = 1, Seconds = 1.5, Attempts = 2, RecordedUnixMs = 1_700_000_000_000 },
                new LedgerTrial { TrialNumber = 8, Architecture = { 0, 0, 3 }, FailureReason = "boom", Attempts = 3 },
            },
            Workers = { "w" },
            MetricNames = { "accuracy" },
            Cancelled = new SearchCancelled { SearchId = "s-1", Reason = "by request" },
            Finished = new SearchFinished { SearchId = "s-1", Result = Result() },
        },
        new LedgerTrial { TrialNumber = 7, Architecture = { 1, 2, 0 }, Reward = 0.5, MetricKeys = { 0 }, MetricValues = { 0.5 }, Worker = 1, Seconds = 1.5, Attempts = 2, RecordedUnixMs = 1_700_000_000_000 },
        new SearchManagerSnapshot { Searches = { new ManagedSearch { Submitted = new SearchSubmitted { SearchId = "s-1", Spec = Spec }, Finished = new SearchFinished { SearchId = "s-1", Result = Result() } } } },
        new ManagedSearch { Submitted = new SearchSubmitted { SearchId = "s-1", Spec = Spec }, Finished = new SearchFinished { SearchId = "s-1", Result = Result() } },
        new SearchCoordinatorSnapshot { Completed = { Completed() }, Failed = { Failed() }, Finished = new SearchFinished { SearchId = "s-1", Result = Result() }, Cancelled = new SearchCancelled { SearchId = "s-1", Reason = "by request" } },
        new SearchSubmitted { SearchId = "s-1", Spec = Spec, SubmittedUnixMs = 1_700_000_000_000 },
        Completed(),
        Failed(),
        new SearchCancelled { SearchId = "s-1", Reason = "by request" },
        new SearchFinished { SearchId = "s-1", Result = Result(), TrainedByNode = { ["akka.tcp://layernas@127.0.0.1:1"] = 30 } },
    ];
}
