namespace LayerNas.Cli.Tests.Support;

/// <summary>
/// The test classes that run layernas nodes as processes for long: they run one at a time, after the other tests,
/// because on a machine of two cores their nodes (shortening the split-brain resolver's wait to two seconds in the
/// crash tests) would otherwise starve each other of CPU long enough to be taken for dead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "layernas node processes";
}
