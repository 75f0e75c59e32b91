using System.Diagnostics;
using LayerNas.Cli.Specs;
using LayerNas.Core.Specs;

namespace LayerNas.Cli.Tests.Specs;

public sealed class TableAccessTests : IDisposable
{
    private const string Csv = "arch,macs\na,1\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/proc/self/environ")]
    [InlineData("/proc/self/cmdline")]
    public void A_device_or_a_proc_file_is_refused_without_being_read(string path)
    {
        var error = Assert.Throws<SpecException>(() => TableAccess.Anywhere.Load(path, "arch"));

        Assert.Equal($"table {path}: empty, or not a regular file (a device, a pipe or a /proc file)", error.Message);
    }

    [Fact]
    public async Task A_fifo_is_refused_at_once_instead_of_blocking_the_reader()
    {
        var fifo = Path.Combine(_folder.Path, "pipe.csv");
        await Process.Start("mkfifo", [fifo])!.WaitForExitAsync();
        Assert.True(File.Exists(fifo));

        // A reader that opened the pipe would wait for a writer forever: the deadline fails the test instead.
        var error = await Assert.ThrowsAsync<SpecException>(() => Task.Run(() => TableAccess.Anywhere.Load(fifo, "arch")).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal($"table {fifo}: empty, or not a regular file (a device, a pipe or a /proc file)", error.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_read()
    {
        var big = Path.Combine(_folder.Path, "big.csv");
        using (var file = File.Create(big))
        {
            // Sparse: a size on paper, no blocks on disk.
            file.SetLength(SpecFile.MaxFileBytes + 1);
        }

        var error = Assert.Throws<SpecException>(() => TableAccess.Anywhere.Load(big, "arch"));

        Assert.Equal($"table {big}: 65 MB, over the 64 MB a file may have", error.Message);
    }

    [Fact]
    public void Inside_a_data_root_relative_and_absolute_paths_in_it_are_read()
    {
        var table = _folder.Write("data/tables/t.csv", Csv);
        var access = TableAccess.Inside(Path.Combine(_folder.Path, "data"));

        Assert.Equal(1, access.Load("tables/t.csv", "arch").RowCount);
        Assert.Equal(1, access.Load(table, "arch").RowCount);
        Assert.Equal(1, access.Load("tables/../tables/./t.csv", "arch").RowCount);
    }

    [Fact]
    public void A_path_that_leads_out_of_the_data_root_is_refused_without_a_word_about_what_is_there()
    {
        var root = Path.Combine(_folder.Path, "data");
        _folder.Write("data/tables/t.csv", Csv);
        _folder.Write("secret.csv", "arch,token\nroot,12345\n");
        File.CreateSymbolicLink(Path.Combine(root, "tables", "secret.csv"), Path.Combine(_folder.Path, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(root, "etc"), "/etc");
        Directory.CreateSymbolicLink(Path.Combine(root, "up"), "..");
        var access = TableAccess.Inside(root);

        foreach (var path in new[] { "/etc/shadow", "/etc/passwd", "/proc/self/environ", "../secret.csv", "tables/secret.csv", "etc/passwd", "up/secret.csv", "tables/../../secret.csv", Path.Combine(_folder.Path, "nothing-here.csv") })
        {
            var error = Assert.Throws<SpecException>(() => access.Load(path, "arch"));
            Assert.Equal($"table {path}: outside the data root {access.Root}", error.Message);
        }
    }

    [Fact]
    public void A_file_that_leads_out_of_the_data_root_when_opened_is_refused_by_its_handle_whatever_its_name_said()
    {
        var root = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(root);
        _folder.Write("secret.csv", "arch,token\nroot,12345\n");
        var link = Path.Combine(root, "t.csv");
        File.CreateSymbolicLink(link, Path.Combine(_folder.Path, "secret.csv"));

        // What a name checked inside the root becomes when a link is swapped in before the open: only the handle tells.
        var error = Assert.Throws<SpecException>(() => SpecFile.LoadTable(link, "arch", "t.csv", RealPath.Of(root)));

        Assert.Equal($"table t.csv: outside the data root {RealPath.Of(root)}", error.Message);
    }

    [Fact]
    public async Task A_folder_swapped_for_a_link_out_of_the_data_root_while_tables_are_read_never_leaks_the_file_outside()
    {
        var root = Path.Combine(_folder.Path, "data");
        _folder.Write("data/tables/t.csv", Csv);
        _folder.Write("outside/t.csv", "arch,macs\nroot,1\nadmin,2\n");
        var access = TableAccess.Inside(root);
        var tables = Path.Combine(root, "tables");
        var parked = Path.Combine(root, "parked");
        using var stop = new CancellationTokenSource();
        var swaps = 0;
        // Swaps data/tables between the real folder and a link to outside/ as fast as it can, while the table is read.
        var swapper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Directory.Move(tables, parked);
                Directory.CreateSymbolicLink(tables, Path.Combine(_folder.Path, "outside"));
                File.Delete(tables);
                Directory.Move(parked, tables);
                swaps++;
            }
        });
        var read = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2) && !swapper.IsCompleted)
        {
            try
            {
                Assert.True(access.Load("tables/t.csv", "arch").RowCount == 1, "a table outside the data root was read");
                read++;
            }
            catch (SpecException e) when (e.Message is "table file not found: tables/t.csv" || e.Message == $"table tables/t.csv: outside the data root {access.Root}")
            {
                refused++;
            }
        }
        stop.Cancel();
        await swapper;

        Assert.True(swaps > 100 && read > 0 && refused > 0, $"the race was not run: {swaps} swaps, {read} tables read, {refused} refused");
    }

    [Fact]
    public void Without_a_data_root_a_node_that_does_not_trust_its_clients_reads_no_table()
    {
        var table = _folder.Write("t.csv", Csv);

        var error = Assert.Throws<SpecException>(() => TableAccess.Nowhere.Load(table, "arch"));

        Assert.Equal($"table {table}: this node reads tables only inside a data root, and its operator set none (--data-root)", error.Message);
    }

    [Fact]
    public void A_data_root_must_be_a_folder()
    {
        Assert.Throws<DirectoryNotFoundException>(() => TableAccess.Inside(Path.Combine(_folder.Path, "missing")));
        Assert.Throws<DirectoryNotFoundException>(() => TableAccess.Inside(_folder.Write("file", "x")));
    }
}
