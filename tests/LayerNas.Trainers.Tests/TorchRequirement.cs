using System.Diagnostics;

namespace LayerNas.Trainers.Tests;

/// <summary>
/// The PyTorch tests need /usr/bin/python3 with torch and the Fashion-MNIST files; CI installs them, so their absence
/// fails these tests with the command that fixes it instead of skipping them.
/// </summary>
internal static class TorchRequirement
{
    public const string Python = "/usr/bin/python3";
    public const string DataFolder = "/usr/share/datasets/fashion-mnist";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    public static void Check()
    {
        if (Problem.Value is { } problem)
        {
            Assert.Fail($"{problem}; install them with: apt-get install -y python3-torch dataset-fashion-mnist");
        }
    }

    private static string? FindProblem()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} does not exist";
        }
        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import torch, numpy"]) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            return $"{Python} cannot import torch: {error.Trim().Split('\n')[^1]}";
        }
        var missing = new[] { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" }
            .Where(f => !File.Exists(Path.Combine(DataFolder, f))).ToList();
        return missing.Count == 0 ? null : $"Fashion-MNIST is missing from {DataFolder} ({string.Join(", ", missing)})";
    }
}
