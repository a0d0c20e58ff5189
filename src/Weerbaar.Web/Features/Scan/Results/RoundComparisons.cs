using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Results;
using Weerbaar.Analysis.Statistics;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Monitoring;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Results;

public sealed record ComparisonGroupDto(string Key, string Label, int N);

public sealed record ComparisonTestDto(string QuestionId, string Test, double? Statistic, double? P, double? PHolm, double? EffectSize);

public sealed record ComparisonsDto(string By, IReadOnlyList<ComparisonGroupDto> Groups, IReadOnlyList<ComparisonTestDto> Tests);

/// <summary>
/// Group comparisons of the submitted responses (DESIGN.md API contract): for every LIKERT5 and score question a
/// two-sided Mann–Whitney U (tie and continuity correction; statistic = U of the first group, effect = rank-biserial r)
/// when there are two groups — stedelijkheid: urban (class 1–3) first — and Kruskal–Wallis (effect ε²) otherwise;
/// Holm correction across the family of questions. 'Weet niet' and empty answers are left out per question.
/// </summary>
public sealed class RoundComparisons(AppDbContext db, InstrumentCatalog instruments, ReferenceData reference)
{
    /// <returns>Null when the round does not exist.</returns>
    public async Task<ComparisonsDto?> ComputeAsync(Guid roundId, string by, CancellationToken ct)
    {
        var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        var responses = await db.ScanResponses.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ResponseStatus.Submitted)
            .Select(r => new { r.GemeenteCode, r.Answers }).ToListAsync(ct);
        var grouped = responses
            .Select(r => (Gemeente: reference.Gemeente(r.GemeenteCode), r.Answers))
            .Where(r => r.Gemeente is not null)
            .GroupBy(r => ResponseMonitor.Group(by, r.Gemeente!))
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal)
            .ToList();
        var groups = grouped.Select(g => new ComparisonGroupDto(g.Key.Key, g.Key.Label, g.Count())).ToList();

        var questions = RoundResults.Specs(instruments.Find(round.InstrumentId)!).Where(s => s.Kind is ItemKind.Ordinal or ItemKind.Score).ToList();
        var raw = questions.Select(q =>
        {
            var values = grouped.Select(g => (IReadOnlyList<double>)g.Select(r => RoundResults.Numeric(r.Answers.GetValueOrDefault(q.Id))).OfType<double>().ToList()).ToList();
            if (values.Count == 2)
            {
                var mw = RankTests.MannWhitneyU(values[0], values[1]);
                return new ComparisonTestDto(q.Id, "mann-whitney-u", mw?.U, mw?.P, null, mw?.RankBiserial);
            }
            var kw = values.Count > 2 ? RankTests.KruskalWallis(values) : null;
            return new ComparisonTestDto(q.Id, "kruskal-wallis", kw?.H, kw?.P, null, kw?.EpsilonSquared);
        }).ToList();

        var tested = raw.Where(t => t.P is not null).ToList();
        var holm = MultipleComparisons.Holm(tested.Select(t => t.P!.Value).ToList());
        var adjusted = tested.Select((t, i) => (t.QuestionId, holm[i])).ToDictionary(x => x.QuestionId, x => x.Item2);
        var tests = raw.Select(t => t with { PHolm = adjusted.TryGetValue(t.QuestionId, out var p) ? p : null }).ToList();
        return new ComparisonsDto(by, groups, tests);
    }
}
