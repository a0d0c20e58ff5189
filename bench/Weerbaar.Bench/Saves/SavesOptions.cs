using System.Globalization;

namespace Weerbaar.Bench.Saves;

/// <summary>Command-line options of the <c>saves</c> command. Every phase is bounded in time and requests.</summary>
public sealed record SavesOptions
{
    /// <summary>Concurrent respondents per measurement; each owns one invitation (one gemeente), so at most 342.</summary>
    public IReadOnlyList<int> Clients { get; init; } = [50, 200];
    public int Seconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 5;
    public int MaxRequests { get; init; } = 200_000;
    public IReadOnlyList<SaveKind> Kinds { get; init; } = [SaveKind.Api, SaveKind.Form];
    public bool Postgres { get; init; }
    /// <summary>The floor's writer commits every save on its own (false) or all waiting saves in one transaction (true).</summary>
    public bool GroupCommitFloor { get; init; }
    /// <summary>Cross-check the API saves with Debian's wrk: seconds per run, 0 skips it.</summary>
    public int WrkSeconds { get; init; }
    public string Name { get; init; } = "";
    public string? OutputDirectory { get; init; }

    public string Database => Postgres ? "postgres" : "sqlite";

    public string Description => Name.Length > 0 ? Name : $"saves-{Database}{(GroupCommitFloor ? "-group-floor" : "")}";

    public static SavesOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SavesOptions();
        var kinds = new List<SaveKind>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new ArgumentException($"{args[i]} needs non-negative whole numbers, not '{text}'.");
            options = args[i] switch
            {
                "--clients" => options with { Clients = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Math.Clamp(Number(c), 1, 342)).Distinct().ToList() },
                "--seconds" => options with { Seconds = Math.Clamp(Number(Next()), 1, 600) },
                "--warmup" => options with { WarmupSeconds = Math.Min(Number(Next()), 600) },
                "--max-requests" => options with { MaxRequests = Math.Max(1, Number(Next())) },
                "--only" => AddKind(options, kinds, Next()),
                "--postgres" => options with { Postgres = true },
                "--floor" => Next() switch
                {
                    "single" => options with { GroupCommitFloor = false },
                    "group" => options with { GroupCommitFloor = true },
                    var other => throw new ArgumentException($"Unknown floor '{other}'; choose single or group."),
                },
                "--wrk" => options with { WrkSeconds = options.WrkSeconds > 0 ? options.WrkSeconds : 10 },
                "--wrk-seconds" => options with { WrkSeconds = Math.Clamp(Number(Next()), 1, 600) },
                "--name" => options with { Name = Next() },
                "--out" => options with { OutputDirectory = Next() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        if (options.Clients.Count == 0)
        {
            throw new ArgumentException("--clients needs at least one number, e.g. --clients 50,200.");
        }
        return kinds.Count > 0 ? options with { Kinds = [.. kinds.Distinct().Order()] } : options;
    }

    private static SavesOptions AddKind(SavesOptions options, List<SaveKind> kinds, string name)
    {
        kinds.Add(name switch
        {
            "api" => SaveKind.Api,
            "form" => SaveKind.Form,
            _ => throw new ArgumentException($"Unknown part '{name}'; choose api or form."),
        });
        return options;
    }
}
