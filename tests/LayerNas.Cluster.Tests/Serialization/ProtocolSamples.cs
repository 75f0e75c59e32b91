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
        TrialsReused = 1,
        ParetoFront = { Candidate() },
        FailedTrials = { new FailedTrial { Architecture = { "plain", "bean", "truffle" }, Reason = "boom", Attempts = 3 } },
        Depths = { new DepthSummary { Depth = 1, Children = 4, Pruned = 0, Evaluated = 4, Failed = 0, Kept = 4 } },
        Passes = { new PassSummary { Buckets = 4, KeepPerBucket = 1, Trials = 30, Complete = true } },
        Targets = { new TargetResult { Min = 7, Max = 9, Best = Candidate(), Trials = 30, Passes = { new PassSummary { Buckets = 4, KeepPerBucket = 1, Trials = 30 } } } },
    };

    private static SearchProgressUpdate Progress() => new()
    {
        SearchId = "s-1", Stage = 2, Stages = 3, Done = 5, Total = 15, TrialsTrained = 9, TrialsCached = 1, TrialsFailed = 1, TrialsRunning = 4, Best = Candidate(), PassNumber = 2, TrialsReused = 1,
    };

    private static TrialCompleted Completed() => new()
    {
        SearchId = "s-1", TrialNumber = 7, Architecture = { 1, 2, 0 }, Reward = 0.5, Metrics = { ["accuracy"] = 0.5 }, Worker = "w", Seconds = 1.5, Attempts = 2, RecordedUnixMs = 1_700_000_000_000,
    };

    private static TrialsImported Imported() => new() { SearchId = "s-1", Trials = { Completed() }, Sources = { "s-0" } };

    private static TrialFailed Failed() => new() { SearchId = "s-1", TrialNumber = 8, Architecture = { 0, 0, 3 }, Reason = "boom", Attempts = 3, RecordedUnixMs = 1_700_000_000_000, LogTail = "epoch 1\nout of memory" };

    private static MemoDepth Depth() => new()
    {
        Summary = new DepthSummary { Depth = 2, Children = 16, Pruned = 1, Evaluated = 15, Failed = 0, Kept = 4 },
        RangeMin = 3, RangeMax = 8, BucketCount = 4, BucketsSettled = 2,
        Buckets = { Bucket() },
    };

    private static MemoBucket Bucket() => new() { Index = 1, CostMin = 4.25, CostMax = 5.5, Settled = true, Kept = { MemoCandidate() } };

    private static MemoTarget MemoTarget() => new() { Min = 7, Max = 9, Started = true };

    private static MemoCandidate MemoCandidate() => new()
    {
        Prefix = { "sesame", "beef" }, Reward = 0.75, PrefixCost = 6, Trained = { "sesame", "beef", "truffle" }, Cost = 9, TrialNumber = 12,
    };

    private static SlotLease SlotLease() => new() { SearchId = "s-1", TrialNumber = 7, Architecture = { "sesame", "beef", "lettuce" }, Attempt = 2, GrantedUnixMs = 1_700_000_000_000 };

    private static WorkerSlotState Slot() => new()
    {
        Worker = "akka.tcp://layernas@127.0.0.1:1/user/workers/slot-1", Node = "akka.tcp://layernas@127.0.0.1:1", TrialsTrained = 30, AttemptsFailed = 2, Waiting = true, Leases = { SlotLease() }, LeaseCount = 5,
    };

    private static UtilizationSample Sample() => new() { UnixMs = 1_700_000_000_000, Slots = 4, Busy = 3 };

    private static TrialLease Lease() => new()
    {
        LeaseId = "l-1", SearchId = "s-1", TrialNumber = 7, Architecture = { 1, 2, 0 }, Attempt = 2, TimeoutSeconds = 60,
    };

    private static TrialResult Reported(long trial) => new()
    {
        LeaseId = $"l-{trial}", SearchId = "s-1", TrialNumber = trial, Attempt = 1, Worker = "w", Outcome = new TrainingOutcome { Reward = 0.5, Metrics = { ["a"] = 1 } }, Seconds = 2,
        // Set though only failures carry one, so the round trip covers it.
        LogTail = "epoch 1",
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
            Strategy = "layernas", TargetMin = 7, TargetMax = 9, SubmittedUnixMs = 1_700_000_000_000, EndedUnixMs = 1_700_000_060_000,
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
                    Seconds = 1.5, Worker = "w", FailureReason = "boom", Attempts = 3, RecordedUnixMs = 1_700_000_000_000, LogTail = "epoch 1\nout of memory", ReusedFrom = "s-0",
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
                new LedgerTrial { TrialNumber = 8, Architecture = { 0, 0, 3 }, FailureReason = "boom", Attempts = 3, LogTail = "epoch 1\nout of memory" },
            },
            Workers = { "w" },
            MetricNames = { "accuracy" },
            Cancelled = new SearchCancelled { SearchId = "s-1", Reason = "by request" },
            Finished = new SearchFinished { SearchId = "s-1", Result = Result() },
            Imported = Imported(),
        },
        new LedgerTrial { TrialNumber = 7, Architecture = { 1, 2, 0 }, Reward = 0.5, MetricKeys = { 0 }, MetricValues = { 0.5 }, Worker = 1, Seconds = 1.5, Attempts = 2, RecordedUnixMs = 1_700_000_000_000, LogTail = "t" },
        new SearchManagerSnapshot { Searches = { new ManagedSearch { Submitted = new SearchSubmitted { SearchId = "s-1", Spec = Spec }, Finished = new SearchFinished { SearchId = "s-1", Result = Result() } } } },
        new ManagedSearch { Submitted = new SearchSubmitted { SearchId = "s-1", Spec = Spec }, Finished = new SearchFinished { SearchId = "s-1", Result = Result() } },
        new SearchCoordinatorSnapshot { Completed = { Completed() }, Failed = { Failed() }, Finished = new SearchFinished { SearchId = "s-1", Result = Result() }, Cancelled = new SearchCancelled { SearchId = "s-1", Reason = "by request" } },
        new SearchSubmitted { SearchId = "s-1", Spec = Spec, SubmittedUnixMs = 1_700_000_000_000, TrialCacheSources = { "s-0" } },
        Imported(),
        Completed(),
        Failed(),
        new SearchCancelled { SearchId = "s-1", Reason = "by request" },
        new SearchFinished { SearchId = "s-1", Result = Result(), TrainedByNode = { ["akka.tcp://layernas@127.0.0.1:1"] = 30 }, EndedUnixMs = 1_700_000_060_000 },
        new GetMemoTables { SearchId = "s-1", Depth = 2, Target = 1 },
        new SearchMemoTables { SearchId = "s-1", HasTables = true, Depths = { Depth() }, Targets = { MemoTarget() }, Target = 1 },
        Depth(),
        Bucket(),
        MemoCandidate(),
        MemoTarget(),
        new QueryTrials { SearchId = "s-1", Offset = 256, Limit = 50, Sort = TrialSort.Reward, Descending = true, Status = TrialStatusFilter.Trained, Text = "beef" },
        new GetTrialPoints { SearchId = "s-1", Offset = 4096 },
        new SearchTrialPoints { SearchId = "s-1", Offset = 4096, NextOffset = 4100, Total = 4100, TrialNumbers = { 4097 }, Costs = { 8 }, Rewards = { 0.5 } },
        new GetWorkers(),
        new WorkerBoard { Slots = { Slot() }, Utilization = { Sample() }, ReadyTrials = 12, LeasedTrials = 4, SinceUnixMs = 1_700_000_000_000 },
        Slot(),
        SlotLease(),
        Sample(),
    ];
}
