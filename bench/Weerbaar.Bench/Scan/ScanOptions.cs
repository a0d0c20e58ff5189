using System.Globalization;

namespace Weerbaar.Bench.Scan;

/// <summary>Command-line options of the <c>scan</c> command. Every phase is bounded in time, repetitions or size.</summary>
public sealed record ScanOptions
{
    public static readonly IReadOnlyList<string> AllParts = ["save", "round", "import", "results"];

    /// <summary>Concurrent respondents for the page saves; each owns one invitation (one gemeente), so at most 342.</summary>
    public int Clients { get; init; } = 50;
    public int Seconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 5;
    public int MaxRequests { get; init; } = 200_000;
    public int BaselineSeconds { get; init; } = 3;
    /// <summary>Think time per respondent between saves in the paced phase; 0 skips that phase.</summary>
    public int ThinkMs { get; init; } = 1000;
    /// <summary>Experiment: PRAGMA busy_timeout on every SQLite connection (0 = as the app runs).</summary>
    public int SqliteBusyTimeoutMs { get; init; }
    /// <summary>Experiment: PRAGMA synchronous = NORMAL on every SQLite connection.</summary>
    public bool SqliteSynchronousNormal { get; init; }

    public bool SqliteExperiment => !Postgres && (SqliteBusyTimeoutMs > 0 || SqliteSynchronousNormal);
    /// <summary>Fresh rounds per variant of the round timing.</summary>
    public int RoundRepeats { get; init; } = 10;
    public int ImportRows { get; init; } = 10_000;
    public int ImportRepeats { get; init; } = 5;
    public bool Postgres { get; init; }
    public bool AllocationProfile { get; init; }
    public IReadOnlyList<string> Parts { get; init; } = AllParts;
    public string Name { get; init; } = "";
    public string? OutputDirectory { get; init; }

    public string Database => Postgres ? "postgres" : "sqlite";

    public string Description => Name.Length > 0 ? Name : $"{Database}-c{Clients}{(SqliteBusyTimeoutMs > 0 ? "-busy-timeout" : "")}{(SqliteSynchronousNormal ? "-synchronous-normal" : "")}";

    public static ScanOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ScanOptions();
        var parts = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Positive() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new ArgumentException($"{args[i]} needs a non-negative whole number.");
            options = args[i] switch
            {
                "--clients" => options with { Clients = Math.Max(1, Positive()) },
                "--seconds" => options with { Seconds = Math.Max(1, Positive()) },
                "--warmup" => options with { WarmupSeconds = Positive() },
                "--max-requests" => options with { MaxRequests = Math.Max(1, Positive()) },
                "--baseline-seconds" => options with { BaselineSeconds = Positive() },
                "--think-ms" => options with { ThinkMs = Positive() },
                "--sqlite-busy-timeout" => options with { SqliteBusyTimeoutMs = Positive() },
                "--sqlite-synchronous-normal" => options with { SqliteSynchronousNormal = true },
                "--round-repeats" => options with { RoundRepeats = Math.Max(1, Positive()) },
                "--import-rows" => options with { ImportRows = Math.Max(1, Positive()) },
                "--import-repeats" => options with { ImportRepeats = Math.Max(1, Positive()) },
                "--postgres" => options with { Postgres = true },
                "--alloc-profile" => options with { AllocationProfile = true },
                "--only" => AddPart(options, parts, Next()),
                "--name" => options with { Name = Next() },
                "--out" => options with { OutputDirectory = Next() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        // Bounds for a shared 2-core machine.
        return options with
        {
            Clients = Math.Min(options.Clients, 342),
            Seconds = Math.Min(options.Seconds, 600),
            WarmupSeconds = Math.Min(options.WarmupSeconds, 600),
            BaselineSeconds = Math.Min(options.BaselineSeconds, 600),
            ThinkMs = Math.Min(options.ThinkMs, 60_000),
            RoundRepeats = Math.Min(options.RoundRepeats, 100),
            ImportRows = Math.Min(options.ImportRows, 50_000),
            ImportRepeats = Math.Min(options.ImportRepeats, 20),
            Parts = parts.Count > 0 ? AllParts.Where(parts.Contains).ToList() : AllParts,
        };
    }

    private static ScanOptions AddPart(ScanOptions options, List<string> parts, string name)
    {
        if (!AllParts.Contains(name))
        {
            throw new ArgumentException($"Unknown part '{name}'; choose from {string.Join(", ", AllParts)}.");
        }
        parts.Add(name);
        return options;
    }
}
