using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cluster.Tests.Hosting;

public sealed class StorageLockTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_database_has_one_writer_at_a_time_and_is_free_again_once_its_writer_lets_go(string kind)
    {
        using var folder = new TempFolder();
        await using var database = await TestDatabase.CreateAsync(kind, folder, "journal");
        var first = await StorageLock.AcquireAsync(database.Storage);

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageLock.AcquireAsync(database.Storage));
        await first.DisposeAsync();
        await using var second = await StorageLock.AcquireAsync(database.Storage);

        Assert.StartsWith($"cannot use {database.Storage.Describe()}: another layernas process is using it", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain("Password", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_sqlite_file_in_a_new_folder_is_created_and_written()
    {
        using var folder = new TempFolder();
        var storage = StorageSettings.SqliteFile(folder.File("runs/deep/new.db"));

        await using (await StorageLock.AcquireAsync(storage))
        {
            Assert.True(File.Exists(folder.File("runs/deep/new.db")));
            Assert.True(File.Exists(StorageLock.LockFilePath(storage)));
        }
    }

    public static TheoryData<string, string> UnusableFiles => new()
    {
        { "FOLDER", "it is a folder, not a SQLite file" },
        { "TEXT", "the file is not a SQLite database" },
        { "EMPTY", "it is empty or not a regular file (a device, a pipe)" },
        { "/dev/null", "it is empty or not a regular file (a device, a pipe)" },
        // Nobody may create files in /sys, not even root: a folder this process cannot write.
        { "/sys/layernas.db", "this process may not write in /sys" },
    };

    [Theory]
    [MemberData(nameof(UnusableFiles))]
    public async Task A_sqlite_path_that_cannot_hold_a_journal_is_one_clear_error_and_is_left_as_it_was(string path, string expected)
    {
        using var folder = new TempFolder();
        var text = folder.File("notes.txt");
        File.WriteAllText(text, "not a database\n");
        File.WriteAllText(folder.File("empty.db"), "");
        var resolved = path switch
        {
            "FOLDER" => folder.Path,
            "TEXT" => text,
            "EMPTY" => folder.File("empty.db"),
            _ => path,
        };
        var storage = StorageSettings.SqliteFile(resolved);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageLock.AcquireAsync(storage));

        Assert.StartsWith($"cannot use {resolved}: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("not a database\n", File.ReadAllText(text));
        Assert.False(File.Exists(resolved + "-wal"));
        Assert.False(File.Exists(resolved + "-journal"));
        Assert.False(File.Exists(resolved + ".lock"));
    }
}
