namespace Weerbaar.Web.Features.Scan.Results;

/// <summary>One pillar in the priority ranking: mean rank (1 = highest priority), share ranked first (0–1), Borda count.</summary>
public sealed record PillarPriorityItemDto(string Code, double? MeanRank, double? ShareFirst, double Borda);

/// <summary>Kendall's W over the rankings with its Friedman chi-square test.</summary>
public sealed record ConcordanceDto(double W, double ChiSquare, int Df, double P);

/// <param name="Respondents">Respondents with a complete ranking.</param>
/// <param name="Preferences">Share of the respondents ranking the row pillar above the column pillar; rows and columns in the order of <paramref name="Items"/>.</param>
/// <param name="CondorcetOrder">Pillars from most to least preferred when pairwise majorities form a strict order; null otherwise.</param>
/// <param name="Concordance">Null without rankings.</param>
public sealed record PillarPrioritiesDto(
    int Respondents, IReadOnlyList<PillarPriorityItemDto> Items, IReadOnlyList<IReadOnlyList<double>> Preferences,
    IReadOnlyList<string>? CondorcetOrder, ConcordanceDto? Concordance);

/// <summary>
/// Wilcoxon signed-rank test of bewustzijn against inzicht for one pillar over the respondents with both on the scale.
/// Statistic = min(W⁺, W⁻); effect size = matched-pairs rank-biserial r, positive when bewustzijn is higher.
/// Statistic, p and effect size are null when no pair differs.
/// </summary>
public sealed record PillarDepthDto(
    string Code, int Pairs, double? MeanBewustzijn, double? MeanInzicht, double? Statistic, double? Z, double? P, double? PHolm, double? EffectSize);

/// <summary>GET /api/v1/rounds/{id}/results/pillars: the priority order of the pillars and the bewustzijn–inzicht tests.</summary>
public sealed record PillarAnalysisDto(PillarPrioritiesDto Priorities, IReadOnlyList<PillarDepthDto> Depth)
{
    public static PillarAnalysisDto From(IReadOnlyList<Dictionary<string, string>> answers)
    {
        var ranking = PillarAnalysis.Priorities(answers);
        var codes = RoundResults.Pillars;
        var priorities = new PillarPrioritiesDto(
            ranking.Respondents,
            ranking.Items.Select(i => new PillarPriorityItemDto(codes[i.Index], i.MeanRank, i.ShareFirst, i.BordaCount)).ToList(),
            ranking.Preferences,
            ranking.CondorcetOrder?.Select(i => codes[i]).ToList(),
            ranking.Concordance is { } c ? new ConcordanceDto(c.W, c.ChiSquare, c.DegreesOfFreedom, c.P) : null);
        var depth = PillarAnalysis.Depth(answers)
            .Select(d => new PillarDepthDto(d.Code, d.Pairs, d.MeanBewustzijn, d.MeanInzicht, d.Test?.Statistic, d.Test?.Z, d.Test?.P, d.PHolm, d.Test?.RankBiserial))
            .ToList();
        return new PillarAnalysisDto(priorities, depth);
    }
}
