using LayerNas.Core.Search;

namespace LayerNas.Core.Ledger;

/// <summary>One settled trial as a search's ledger keeps it: the trial, the worker slot that trained it and for how long.</summary>
/// <param name="Trial">The settled trial (its number, architecture, cost, outcome or failure, attempts).</param>
/// <param name="Worker">The worker slot's name (its actor address); empty when no worker reported it, as for a lease that expired.</param>
/// <param name="Seconds">Wall-clock seconds of the attempt that trained it; 0 for a failure.</param>
/// <param name="RecordedUnixMs">When the coordinator recorded the result (its clock, Unix milliseconds; 0 when not known).</param>
/// <param name="LogTail">For a failure, the last lines of the trial's log on the worker that failed it last; empty when none was kept.</param>
/// <param name="ReusedFrom">For a trial reused through the shared trial cache, the search that trained it (worker, seconds and time are that training's); empty otherwise.</param>
public sealed record LedgerRecord(SettledTrial Trial, string Worker, double Seconds, long RecordedUnixMs, string LogTail = "", string ReusedFrom = "");
