using System.Globalization;
using Google.Protobuf;
using LayerNas.UtilizationBench;

UtilizationOptions options;
try
{
    options = UtilizationOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(UtilizationOptions.Usage);
    return 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"LayerNAS over {options.Layers} layers x {options.Options} options costing {options.Step}..{options.Step * options.Options}, {options.Buckets} buckets, target {options.Min}..{options.Max};"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"synthetic trainer: {options.Seconds * 1000} ms + {options.SecondsPerCost * 1000} ms per unit of cost, jitter {options.Jitter}; {Environment.ProcessorCount} cores"));
if (options.DispatchOrdersOnly)
{
    DispatchOrders.Print(options);
    return 0;
}
Console.WriteLine("efficiency = trial time / (slots x span from the first trial's start to the last one's end); ideal = the same schedule simulated with no overhead");
Console.WriteLine();
Console.WriteLine("mode      slots  schedule   trials   wall s   span s  efficiency  trials/s  ideal eff  of ideal");
var measurements = new List<Measurement>();
foreach (var mode in options.Modes)
{
    foreach (var slots in options.Slots)
    {
        foreach (var schedule in options.Schedules)
        {
            var folder = Directory.CreateTempSubdirectory("layernas-utilization-").FullName;
            try
            {
                var spec = UtilizationSpec.Create(options, schedule, $"utilization-{schedule}");
                var specPath = Path.Combine(folder, "spec.json");
                File.WriteAllText(specPath, JsonFormatter.Default.Format(spec));
                var (wall, timeline) = mode == "embedded"
                    ? await EmbeddedRun.RunAsync(folder, specPath, slots)
                    : await ClusterRun.RunAsync(folder, spec, slots);
                var measurement = new Measurement(mode, slots, schedule, wall, timeline, IdealSchedule.Of(spec, slots, timeline));
                measurements.Add(measurement);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{mode,-9} {slots,5}  {schedule,-9} {timeline.Trials.Count,7} {wall.TotalSeconds,8:0.00} {timeline.Span,8:0.00} {measurement.Efficiency,11:0.000} {measurement.TrialsPerSecond,9:0.0} {measurement.Ideal.Efficiency,10:0.000} {measurement.OfIdeal,9:0.000}"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
var pairs = measurements.Where(m => m.Schedule == "pipelined")
    .Select(p => (Pipelined: p, Barrier: measurements.SingleOrDefault(b => b.Schedule == "barrier" && b.Mode == p.Mode && b.Slots == p.Slots)))
    .Where(pair => pair.Barrier is not null)
    .ToList();
if (pairs.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("mode      slots  wall barrier/pipelined  efficiency pipelined-barrier");
    foreach (var (pipelined, barrier) in pairs)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pipelined.Mode,-9} {pipelined.Slots,5}  {barrier!.Wall / pipelined.Wall,22:0.00}  {pipelined.Efficiency - barrier.Efficiency,+28:+0.000;-0.000}"));
    }
}
return 0;
