using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Foto;

namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>A scan round the gemeente answered: its own pillar scores (1–10) and the day the round closed.</summary>
public sealed record TrendRoundScores(string Name, DateOnly ClosesOn, IReadOnlyDictionary<string, double?> Scores);

/// <summary>A pillar in one round: the gemeente's score and how many of its actions of that pillar were done by the close.</summary>
public sealed record TrendPoint(string Round, DateOnly ClosesOn, double? Score, int CompletedBefore);

public sealed record PillarTrend(string Pillar, string Name, IReadOnlyList<TrendPoint> Points, string Sentence);

/// <summary>The scan as the test of what worked: per pillar the score in each round next to the actions done before it closed.</summary>
public sealed record ScanTrend(IReadOnlyList<string> Rounds, IReadOnlyList<PillarTrend> Pillars)
{
    public bool EnoughRounds => Rounds.Count >= 2;

    /// <param name="rounds">Oldest first.</param>
    public static ScanTrend Compose(IReadOnlyList<TrendRoundScores> rounds, IReadOnlyList<ProgrammeAction> actions, IReadOnlyList<Scenarios.CodeName> pillars)
    {
        var trends = pillars.Select(p =>
        {
            // A round closes at the end of its closing day: an action done that day counts as done before the round.
            var points = rounds.Select(r => new TrendPoint(r.Name, r.ClosesOn, r.Scores.GetValueOrDefault(p.Code),
                actions.Count(a => a.Pillar == p.Code && a.CompletedOn is { } done && done <= r.ClosesOn))).ToList();
            return new PillarTrend(p.Code, p.Name, points, Sentence(p.Name, points));
        }).ToList();
        return new ScanTrend([.. rounds.Select(r => r.Name)], trends);
    }

    /// <summary>"Eigen continuïteit: score van 2,4 naar 3,1 na 3 afgeronde acties" between the first and last round with a score.</summary>
    public static string Sentence(string name, IReadOnlyList<TrendPoint> points)
    {
        var scored = points.Where(p => p.Score is not null).ToList();
        if (points.Count < 2)
        {
            return $"{name}: nog geen vergelijking mogelijk; de gemeente heeft de scan in minder dan twee rondes ingevuld.";
        }
        if (scored.Count < 2)
        {
            return $"{name}: nog geen vergelijking mogelijk; de pijler heeft in minder dan twee rondes een score.";
        }
        var (first, last) = (scored[0], scored[^1]);
        var done = last.CompletedBefore - first.CompletedBefore;
        var acties = done == 1 ? "afgeronde actie" : "afgeronde acties";
        return $"{name}: score van {Score(first.Score)} naar {Score(last.Score)} na {done} {acties} (tussen {first.Round} en {last.Round}).";
    }

    public static string Score(double? score) => Shared.Format.Number(score, 1);
}

/// <summary>Reads the gemeente's own pillar scores per round through the foto's scan position (the same query, not a second one).</summary>
public sealed class ScanTrendReader(ScanPositionService positions, AppDbContext db)
{
    public async Task<IReadOnlyList<TrendRoundScores>> RoundsAsync(string gemeenteCode, CancellationToken ct)
    {
        if (await positions.ComputeAsync(gemeenteCode, null, ct) is not { } position)
        {
            return [];
        }
        var ids = position.Trend.Select(t => t.RoundId).ToList();
        var closes = await db.ScanRounds.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ClosesOn, ct);
        return [.. position.Trend.Select(t => new TrendRoundScores(t.RoundName, closes[t.RoundId], t.Pillars.ToDictionary(p => p.Code, p => p.Own)))];
    }
}
