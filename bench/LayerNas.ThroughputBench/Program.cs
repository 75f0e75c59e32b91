using System.Globalization;
using LayerNas.ThroughputBench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

Console.WriteLine($"LayerNAS over {options.Layers} layers x {options.Options} options, {options.Buckets} buckets; synthetic trainer, 0 s per trial;");
Console.WriteLine($"one coordinator and two worker processes with {options.Slots} slots each, on {Environment.ProcessorCount} cores; {options.Readers} dashboard reader(s)");
var measurements = new List<Measurement>();
foreach (var storage in options.Storages)
{
    var measurement = await BenchRun.MeasureAsync(options, storage);
    measurements.Add(measurement);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{storage,-10} {measurement.Trials,6} trials ({measurement.Persisted} persisted) in {measurement.Elapsed.TotalSeconds,6:0.00} s = {measurement.TrialsPerSecond,7:0} trials/s" +
        $"  (CPU: coordinator {measurement.CoordinatorCpu.TotalSeconds:0.00} s, workers {measurement.WorkerCpu.TotalSeconds:0.00} s)"));
    if (measurement.Persisted != measurement.Trials)
    {
        Console.Error.WriteLine($"error: the journal holds {measurement.Persisted} completions for {measurement.Trials} trained trials");
        return 1;
    }
}
if (measurements.Count == 2)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL / SQLite: {measurements[1].TrialsPerSecond / measurements[0].TrialsPerSecond:0.00}"));
}
return 0;
