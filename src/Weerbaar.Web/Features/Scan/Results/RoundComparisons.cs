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

/// <summary>One answer code of a multiple-choice question (I4): group × (chosen, not chosen) among those who answered the question.</summary>
/// <param name="Test">"fisher-exact" (two groups, an expected count below 5) or "chi-square" (Pearson, no continuity correction).</param>
/// <param name="Answered">Per group, in the order of <see cref="ComparisonsDto.Groups"/>: respondents who answered the question.</param>
/// <param name="Chosen">Per group: respondents who chose this code.</param>
/// <param name="Statistic">Pearson's X² for a chi-square test; null for Fisher's exact test and when there is no test.</param>
/// <param name="P">Null when the table cannot be tested: nobody or everybody chose the code, or fewer than two groups answered.</param>
/// <param name="PHolm">Holm across the codes of the question that have a p.</param>
/// <param name="EffectSize">Cramér's V (for two groups: |φ|).</param>
/// <param name="OddsRatio">Two groups only: odds of choosing the code in the first group over those in the second; null when undefined.</param>
/// <param name="LowExpected">A chi-square test with an expected count below 5: the approximation is doubtful (never set for Fisher's exact test).</param>
public sealed record ComparisonCodeTestDto(
    string QuestionId, string Code, string Test, IReadOnlyList<int> Answered, IReadOnlyList<int> Chosen,
    double? Statistic, int? DegreesOfFreedom, double? P, double? PHolm, double? EffectSize, double? OddsRatio, bool LowExpected);

public sealed record ComparisonsDto(string By, IReadOnlyList<ComparisonGroupDto> Groups, IReadOnlyList<ComparisonTestDto> Tests, IReadOnlyList<ComparisonCodeTestDto> CodeTests);

/// <summary>
/// Group comparisons of the submitted responses (DESIGN.md API contract): for every LIKERT5 and score question a
/// two-sided Mann–Whitney U (tie and continuity correction; statistic = U of the first group, effect = rank-biserial r)
/// when there are two groups — stedelijkheid: urban (class 1–3) first — and Kruskal–Wallis (effect ε²) otherwise;
/// Holm correction across the family of questions. 'Weet niet' and empty answers are left out per question.
/// Apart from that family, every code of a multiple-choice question (I4) gets a test of independence of group and
/// choice, with its own Holm family.
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
        var located = responses
            .Select(r => (Gemeente: reference.Gemeente(r.GemeenteCode), r.Answers))
            .Where(r => r.Gemeente is not null)
            .Select(r => (r.Gemeente!, r.Answers))
            .ToList();
        return Compute(instruments.Find(round.InstrumentId)!, by, located);
    }

    /// <summary>The comparisons over responses whose gemeente is known; <paramref name="by"/> is one of <see cref="ResponseMonitor.Dimensions"/>.</summary>
    public static ComparisonsDto Compute(Instrument instrument, string by, IReadOnlyList<(GemeenteInfo Gemeente, Dictionary<string, string> Answers)> responses)
    {
        var grouped = responses
            .GroupBy(r => ResponseMonitor.Group(by, r.Gemeente))
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Answers: g.Select(r => r.Answers).ToList()))
            .ToList();
        var groups = grouped.Select(g => new ComparisonGroupDto(g.Key.Key, g.Key.Label, g.Answers.Count)).ToList();
        var specs = RoundResults.Specs(instrument).ToList();

        var questions = specs.Where(s => s.Kind is ItemKind.Ordinal or ItemKind.Score).ToList();
        var multiple = specs.Where(s => s.Kind == ItemKind.Multiple).ToList();
        var columns = grouped.Select(g => AnswerColumns.Of(g.Answers, questions.Concat(multiple).Select(q => q.Id))).ToList();
        var raw = questions.Select(q =>
        {
            var values = columns.Select(c => (IReadOnlyList<double>)c[q.Id].Select(RoundResults.Numeric).OfType<double>().ToList()).ToList();
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

        var codeTests = multiple
            .SelectMany(q => CodeTests(q, columns.Select(c => c[q.Id]).ToList()))
            .ToList();
        return new ComparisonsDto(by, groups, tests, codeTests);
    }

    /// <summary>
    /// Per code: the table group × (chosen, not chosen) over the respondents who answered the question (at least one
    /// known code, as in the results). Two groups: Fisher's exact test when an expected count is below 5, else Pearson's
    /// chi-square; more groups: chi-square, flagged when an expected count is below 5. Holm across the codes.
    /// </summary>
    /// <param name="groups">Per group, the answers to the question.</param>
    private static IEnumerable<ComparisonCodeTestDto> CodeTests(ItemSpec question, List<string?[]> groups)
    {
        var known = question.Codes.ToHashSet(StringComparer.Ordinal);
        var answered = new int[groups.Count];
        var chosen = question.Codes.ToDictionary(c => c, _ => new int[groups.Count], StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var answer in groups[g])
            {
                var codes = (answer ?? "")
                    .Split(ItemSummary.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
                if (codes.Count == 0)
                {
                    continue;
                }
                answered[g]++;
                codes.ForEach(c => chosen[c][g]++);
            }
        }

        var raw = question.Codes.Select(code =>
        {
            var yes = chosen[code];
            var table = Enumerable.Range(0, groups.Count).Select(g => (IReadOnlyList<int>)[yes[g], answered[g] - yes[g]]).ToList();
            var chi = ContingencyTests.ChiSquareIndependence(table);
            var twoGroups = groups.Count == 2;
            double? oddsRatio = twoGroups ? ContingencyTests.FisherExact(table[0][0], table[0][1], table[1][0], table[1][1]).OddsRatio : null;
            if (chi is null)
            {
                return new ComparisonCodeTestDto(question.Id, code, twoGroups ? "fisher-exact" : "chi-square", answered, yes, null, null, null, null, null, oddsRatio, false);
            }
            if (twoGroups && chi.AnyExpectedBelowFive)
            {
                var fisher = ContingencyTests.FisherExact(table[0][0], table[0][1], table[1][0], table[1][1]);
                return new ComparisonCodeTestDto(question.Id, code, "fisher-exact", answered, yes, null, null, fisher.P, null, chi.CramersV, oddsRatio, false);
            }
            return new ComparisonCodeTestDto(question.Id, code, "chi-square", answered, yes, chi.Statistic, chi.DegreesOfFreedom, chi.P, null, chi.CramersV, oddsRatio, chi.AnyExpectedBelowFive);
        }).ToList();

        var tested = raw.Where(t => t.P is not null).ToList();
        var holm = MultipleComparisons.Holm(tested.Select(t => t.P!.Value).ToList());
        return raw.Select(t => tested.IndexOf(t) is var k and >= 0 ? t with { PHolm = holm[k] } : t);
    }
}
