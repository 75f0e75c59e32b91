using System.CommandLine;
using LayerNas.Cli.CommandLine;
using LayerNas.Cli.Node;
using LayerNas.Cluster;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Node;

public sealed class NodeConfigurationTests : IDisposable
{
    // Settings are read from a working folder's appsettings.json: an empty folder of the test's own, never the shared temp folder.
    private readonly TempFolder _empty = new();

    private const string Settings = """
        { "LayerNas": { "Role": "worker", "Port": 1000, "Seeds": "akka.tcp://layernas@10.0.0.1:4053", "Slots": 3, "Logs": "from-file" } }
        """;

    [Fact]
    public void The_command_line_wins_over_the_environment_which_wins_over_appsettings()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(NodeConfiguration.SettingsFile), Settings);
        var environment = new Dictionary<string, string?> { ["LAYERNAS_PORT"] = "2000", ["LAYERNAS_SLOTS"] = "4", ["LAYERNAS_SEEDS"] = "akka.tcp://layernas@10.0.0.2:4053,akka.tcp://layernas@10.0.0.3:4053" };

        var loaded = NodeConfiguration.Load(NodeCommandLine(["--port", "3000"]), environment, folder.Path);

        Assert.Equal(3000, loaded.Options.Port);
        Assert.Equal(4, loaded.Options.Slots);
        Assert.Equal("akka.tcp://layernas@10.0.0.2:4053,akka.tcp://layernas@10.0.0.3:4053", loaded.Options.Seeds);
        Assert.Equal("worker", loaded.Options.Role);
        Assert.Equal("from-file", loaded.Options.Logs);
        Assert.Equal(["Port"], loaded.FromCommandLine);
    }

    [Fact]
    public void Repeated_seeds_on_the_command_line_replace_the_environments_list()
    {
        var environment = new Dictionary<string, string?> { ["LAYERNAS_SEEDS"] = "akka.tcp://layernas@10.0.0.9:4053", ["LAYERNAS_ROLE"] = "worker" };

        var loaded = NodeConfiguration.Load(NodeCommandLine(["--seed", "akka.tcp://layernas@127.0.0.1:4053", "--seed=akka.tcp://layernas@127.0.0.1:4054"]), environment, _empty.Path);
        var settings = NodeSettings.From(loaded.Options, loaded.FromCommandLine);

        Assert.Equal(["akka.tcp://layernas@127.0.0.1:4053", "akka.tcp://layernas@127.0.0.1:4054"], settings.Cluster.SeedNodes);
        Assert.Equal([ClusterRoles.Worker], settings.Cluster.Roles);
        Assert.Equal(0, settings.Cluster.Port);
    }

    [Fact]
    public void Without_any_setting_a_node_is_both_roles_on_port_4053_with_the_api_on_loopback_and_a_sqlite_journal()
    {
        var loaded = NodeConfiguration.Load(NodeCommandLine([]), new Dictionary<string, string?>(), _empty.Path);
        var settings = NodeSettings.From(loaded.Options, loaded.FromCommandLine);

        Assert.Equal([ClusterRoles.Coordinator, ClusterRoles.Worker], settings.Cluster.Roles);
        Assert.Equal(NodeSettings.DefaultCoordinatorPort, settings.Cluster.Port);
        Assert.True(settings.Api.Endpoint.IsLoopback);
        Assert.Equal(50051, settings.Api.Endpoint.Port);
        Assert.Equal(StorageSettings.SqliteProvider, settings.Storage.ProviderName);
        Assert.Equal(1, settings.Slots);
    }

    [Theory]
    [InlineData("Host=db.internal;Username=layernas;Password=hunter2;Database=layernas")]
    [InlineData("server = db.internal; user id = layernas; password = hunter2; database = layernas")]
    public void A_postgresql_connection_string_selects_postgresql_and_is_described_without_its_password(string db)
    {
        var loaded = NodeConfiguration.Load(NodeCommandLine(["--role", "coordinator", "--db", db]), new Dictionary<string, string?>(), _empty.Path);
        var settings = NodeSettings.From(loaded.Options, loaded.FromCommandLine);

        Assert.Equal(StorageSettings.PostgreSqlProvider, settings.Storage.ProviderName);
        Assert.Equal(db, settings.Storage.ConnectionString);
        Assert.Equal("PostgreSQL layernas@db.internal:5432/layernas", settings.DescribeStorage());
    }

    [Fact]
    public void A_sqlite_path_becomes_an_absolute_file()
    {
        var settings = NodeSettings.From(new NodeOptions { Db = "some/journal.db" }, new HashSet<string>());

        Assert.Equal(StorageSettings.SqliteProvider, settings.Storage.ProviderName);
        Assert.Equal(Path.GetFullPath("some/journal.db"), settings.DescribeStorage());
    }

    [Fact]
    public void A_token_opens_the_api_beyond_loopback()
    {
        var settings = NodeSettings.From(new NodeOptions { Api = "http://0.0.0.0:50051", Token = "secret" }, new HashSet<string>());

        Assert.False(settings.Api.Endpoint.IsLoopback);
        Assert.Equal("secret", settings.Api.Token);
    }

    [Fact]
    public void Coordinator_settings_from_the_environment_are_ignored_by_a_worker_but_refused_on_its_command_line()
    {
        var environment = new Dictionary<string, string?> { ["LAYERNAS_DB"] = "Host=db;Username=u;Password=p;Database=d", ["LAYERNAS_API"] = "http://0.0.0.0:50051" };
        var worker = new[] { "--role", "worker", "--seed", "akka.tcp://layernas@127.0.0.1:4053" };

        var fromEnvironment = NodeConfiguration.Load(NodeCommandLine(worker), environment, _empty.Path);
        var settings = NodeSettings.From(fromEnvironment.Options, fromEnvironment.FromCommandLine);
        var onCommandLine = NodeConfiguration.Load(NodeCommandLine([.. worker, "--db", "x.db"]), environment, _empty.Path);

        Assert.False(settings.IsCoordinator);
        var error = Assert.Throws<UsageException>(() => NodeSettings.From(onCommandLine.Options, onCommandLine.FromCommandLine));
        Assert.Equal("option --db applies to nodes with the coordinator role only", error.Message);
    }

    public static TheoryData<string[], Dictionary<string, string?>, string> BadSettings => new()
    {
        { ["--role", "boss"], [], "--role / LAYERNAS_ROLE / LayerNas:Role: 'boss' is not coordinator, worker or both" },
        { [], new() { ["LAYERNAS_PORT"] = "forty" }, "--port / LAYERNAS_PORT / LayerNas:Port: 'forty' is not a whole number" },
        { ["--port", "70000"], [], "--port / LAYERNAS_PORT / LayerNas:Port: 70000 is not a port from 0 to 65535" },
        { ["--slots", "0"], [], "--slots / LAYERNAS_SLOTS / LayerNas:Slots: 0 is not a number of slots from 1 to 4096" },
        { ["--role", "worker"], [], "a worker node needs a seed: the coordinator's address, like --seed akka.tcp://layernas@127.0.0.1:4053" },
        { ["--seed", "akka.tcp://other@127.0.0.1:4053"], [], "--seed / LAYERNAS_SEEDS / LayerNas:Seeds: 'akka.tcp://other@127.0.0.1:4053' names the actor system 'other', but every node's is 'layernas'" },
        { ["--seed", "127.0.0.1:4053"], [], "--seed / LAYERNAS_SEEDS / LayerNas:Seeds: '127.0.0.1:4053' is not a node address like akka.tcp://layernas@127.0.0.1:4053" },
        { ["--api", "http://0.0.0.0:50051"], [], "the API at http://0.0.0.0:50051 is reachable beyond this machine, so it needs a bearer token: give one with --token or LAYERNAS_TOKEN" },
        { [], new() { ["LAYERNAS_API"] = "http://10.1.2.3:50051" }, "the API at http://10.1.2.3:50051 is reachable beyond this machine, so it needs a bearer token: give one with --token or LAYERNAS_TOKEN" },
        { ["--api", "https://127.0.0.1:50051"], [], "--api / LAYERNAS_API / LayerNas:Api: API URL 'https://127.0.0.1:50051': the node serves plain HTTP (h2c for the API); use http:// and put TLS in front of it if needed" },
        { ["--api", "http://example.org:50051"], [], "--api / LAYERNAS_API / LayerNas:Api: API URL 'http://example.org:50051': the host must be an IP address, localhost, * or +, not 'example.org'" },
        { ["--role", "coordinator", "--slots", "2"], [], "option --slots applies to nodes with the worker role only" },
        { ["--token", "two words"], [], "--token / LAYERNAS_TOKEN / LayerNas:Token: a token cannot contain spaces" },
        { ["--verbose"], [], "unknown option --verbose" },
        { ["--port"], [], "option --port needs a value" },
        { ["--trainer", "fm python3 train.py"], [], "--trainer / LAYERNAS_TRAINERS / LayerNas:Trainers: 'fm python3 train.py' is not NAME=[VAR=VALUE ...] PROGRAM [ARG ...]" },
        { ["--trainer", "fm=a", "--trainer", "fm=b"], [], "--trainer / LAYERNAS_TRAINERS / LayerNas:Trainers: trainer 'fm' is registered twice" },
        { ["--trainer", "fm=CUDA_VISIBLE_DEVICES={gpu} python3 train.py"], [], "--trainer / LAYERNAS_TRAINERS / LayerNas:Trainers: trainer 'fm' uses {gpu}, but the node names no GPUs (--gpus / LAYERNAS_GPUS / LayerNas:Gpus)" },
        { ["--gpus", "0,1", "--slots", "3"], [], "--gpus / LAYERNAS_GPUS / LayerNas:Gpus: 2 GPUs give 2 slots, one each, but --slots / LAYERNAS_SLOTS / LayerNas:Slots asks for 3" },
        { ["--gpus", "0,0"], [], "--gpus / LAYERNAS_GPUS / LayerNas:Gpus: GPU '0' is named twice" },
        { ["--gpus", "0;rm -rf /"], [], "--gpus / LAYERNAS_GPUS / LayerNas:Gpus: '0;rm -rf /' is not a GPU index or id" },
        { ["--role", "coordinator", "--trainer", "fm=python3"], [], "option --trainer applies to nodes with the worker role only" },
        { ["--data-root", "/no/such/folder"], [], "--data-root / LAYERNAS_DATA_ROOT / LayerNas:DataRoot: the data root /no/such/folder is not a folder" },
        { [], new() { ["LAYERNAS_TRUST_CLIENTS"] = "yes" }, "--trust-clients / LAYERNAS_TRUST_CLIENTS / LayerNas:TrustClients: 'yes' is not true or false" },
    };

    [Fact]
    public void A_worker_registers_trainers_from_the_command_line_the_environments_lines_or_an_appsettings_list_and_binds_one_slot_per_gpu()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(NodeConfiguration.SettingsFile), $$"""
            { "LayerNas": { "Role": "worker", "Seeds": "akka.tcp://layernas@10.0.0.1:4053", "Trainers": ["file-a=python3 a.py", "file-b=python3 b.py"], "DataRoot": "{{folder.Path}}" } }
            """);
        var environment = new Dictionary<string, string?> { ["LAYERNAS_TRAINERS"] = "env-a=python3 a.py\nenv-b=CUDA_VISIBLE_DEVICES={gpu} python3 'b, c.py'\n" };

        var fromFile = SettingsOf([], [], folder.Path);
        var fromEnvironment = SettingsOf(["--gpus", "2,3"], environment, folder.Path);
        var fromCommandLine = SettingsOf(["--trainer", "cli=python3 x.py", "--trainer=cli2=python3 y.py", "--trust-clients"], environment, folder.Path);

        Assert.Equal(["file-a", "file-b"], fromFile.Trainers.Names);
        Assert.False(fromFile.Trainers.TrustsSpecCommands);
        Assert.Equal(folder.Path, fromFile.Tables.Root);
        Assert.Equal(["env-a", "env-b"], fromEnvironment.Trainers.Names);
        Assert.Equal(2, fromEnvironment.Slots);
        Assert.Equal(["2", "3"], fromEnvironment.Gpus);
        Assert.Equal(["python3", "b, c.py"], (IEnumerable<string>)fromEnvironment.Trainers.Trainers.Single(t => t.Name == "env-b").Command);
        Assert.Equal(["cli", "cli2"], fromCommandLine.Trainers.Names);
        Assert.True(fromCommandLine.Trainers.TrustsSpecCommands);
    }

    [Fact]
    public void Without_trust_or_a_data_root_a_node_reads_no_table_and_with_trust_it_reads_any()
    {
        Assert.Null(SettingsOf([], [], Path.GetTempPath()).Tables.Root);
        Assert.Same(LayerNas.Cli.Specs.TableAccess.Nowhere, SettingsOf([], [], Path.GetTempPath()).Tables);
        Assert.Same(LayerNas.Cli.Specs.TableAccess.Anywhere, SettingsOf(["--trust-clients"], [], Path.GetTempPath()).Tables);
        Assert.Same(LayerNas.Cli.Specs.TableAccess.Anywhere, SettingsOf([], new() { ["LAYERNAS_TRUST_CLIENTS"] = "true" }, Path.GetTempPath()).Tables);
    }

    private static NodeSettings SettingsOf(string[] args, Dictionary<string, string?> environment, string folder)
    {
        var loaded = NodeConfiguration.Load(NodeCommandLine(args), environment, folder);
        return NodeSettings.From(loaded.Options, loaded.FromCommandLine);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_settings_are_refused_with_one_line_naming_the_setting(string[] args, Dictionary<string, string?> environment, string message)
    {
        var error = Assert.Throws<UsageException>(() =>
        {
            var loaded = NodeConfiguration.Load(NodeCommandLine(args), environment, _empty.Path);
            NodeSettings.From(loaded.Options, loaded.FromCommandLine);
        });

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_malformed_appsettings_file_is_refused_with_one_line()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(NodeConfiguration.SettingsFile), "{ \"LayerNas\": { \"Role\": ");

        var error = Assert.Throws<UsageException>(() => NodeConfiguration.Load(NodeCommandLine([]), new Dictionary<string, string?>(), folder.Path));

        Assert.StartsWith("appsettings.json: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static ParseResult NodeCommandLine(string[] args) => LayernasCommandLine.Parse(["node", .. args]);

    [Theory]
    [InlineData("http://127.0.0.1:50051", true)]
    [InlineData("http://localhost:0", true)]
    [InlineData("http://[::1]:50051", true)]
    [InlineData("http://0.0.0.0:50051", false)]
    [InlineData("http://*:50051", false)]
    [InlineData("http://[::]:50051", false)]
    [InlineData("http://192.168.1.5:50051", false)]
    public void Only_loopback_addresses_count_as_this_machine_only(string url, bool loopback) =>
        Assert.Equal(loopback, LayerNas.Node.Api.ApiEndpoint.Parse(url).IsLoopback);

    public void Dispose() => _empty.Dispose();
}
