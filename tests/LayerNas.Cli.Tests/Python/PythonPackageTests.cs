using System.Diagnostics;
using System.Text;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Python;

/// <summary>
/// The Python package (clients/python) installed as its guide says, into a fresh virtual environment over Debian's
/// python3-grpcio and python3-protobuf with no package index, then its pytest suite (clients/python/tests) run with
/// that environment's Python against real layernas nodes. A pytest failure fails this test with pytest's report.
/// </summary>
public sealed class PythonPackageTests
{
    private const string Python = "/usr/bin/python3";

    private const string Packages = "python3-grpcio python3-protobuf python3-pytest python3-setuptools python3-wheel python3-venv protobuf-compiler protobuf-compiler-grpc";

    private static readonly TimeSpan InstallDeadline = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan PytestDeadline = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_package_installs_without_a_package_index_and_passes_its_pytest_suite()
    {
        using var folder = new TempFolder();
        var package = PackageFolder();
        var environment = folder.File("venv");
        var venvPython = Path.Combine(environment, "bin", "python");

        var modules = await RunAsync(Python, ["-c", "import grpc, google.protobuf, pytest, setuptools, wheel, ensurepip"], folder.Path, InstallDeadline);
        Assert.True(modules.ExitCode == 0, $"{Python} lacks a module the package's tests need; install them with: apt-get install -y {Packages}\n{modules.Output}");
        var venv = await RunAsync(Python, ["-m", "venv", "--system-site-packages", environment], folder.Path, InstallDeadline);
        Assert.True(venv.ExitCode == 0, venv.Output);
        // A copy, so the build leaves nothing behind in the repository and nothing stale from an earlier build gets in.
        var source = CopySources(package, folder.File("source"));
        var install = await RunAsync(venvPython, ["-m", "pip", "install", "--no-build-isolation", "--no-index", "--disable-pip-version-check", source], folder.Path, InstallDeadline);
        Assert.True(install.ExitCode == 0, install.Output);

        var pytest = await RunAsync(
            venvPython,
            ["-m", "pytest", Path.Combine(package, "tests"), "-p", "no:cacheprovider", "-rfE", $"--basetemp={folder.File("pytest")}"],
            folder.Path,
            PytestDeadline);

        Assert.True(pytest.ExitCode == 0, pytest.Output);
    }

    private static string PackageFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var package = Path.Combine(folder.FullName, "clients", "python");
            if (File.Exists(Path.Combine(package, "pyproject.toml")))
            {
                return package;
            }
        }
        throw new DirectoryNotFoundException($"clients/python was not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Copies what a build of the package reads (its pyproject.toml, README.md and src/) and returns the copy's folder.</summary>
    private static string CopySources(string package, string copy)
    {
        var files = Directory.EnumerateFiles(Path.Combine(package, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal) && !f.Contains(".egg-info", StringComparison.Ordinal))
            .Append(Path.Combine(package, "pyproject.toml"))
            .Append(Path.Combine(package, "README.md"));
        foreach (var file in files)
        {
            var target = Path.Combine(copy, Path.GetRelativePath(package, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Runs a program to its end with the built layernas command named in LAYERNAS_TEST_CLI and no other LAYERNAS_* setting.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] args, string workingFolder, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Layernas.WithoutLayernasVariables(start);
        start.Environment["LAYERNAS_TEST_CLI"] = Layernas.Dll;
        // The tests run from the repository's folder: leave no bytecode caches in it.
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{program} {string.Join(' ', args)} ran past {deadline}:\n{Read(output)}");
        }
        process.WaitForExit(); // drains the output events
        return (process.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
