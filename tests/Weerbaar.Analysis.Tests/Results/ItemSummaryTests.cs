using Weerbaar.Analysis.Results;

namespace Weerbaar.Analysis.Tests.Results;

/// <summary>Hand-worked distributions, as the API contract defines n, 'weet niet' and percentages.</summary>
public sealed class ItemSummaryTests
{
    private static readonly ItemSpec Likert = new("B1", ItemKind.Ordinal, ["1", "2", "3", "4", "5"], "WN");

    [Fact]
    public void Ordinal_n_excludes_weet_niet_and_empty_and_the_mean_is_of_the_codes()
    {
        // 4, 5, 3, 4 count (n = 4, mean 16 / 4 = 4); WN is counted apart; empty, null and a non-code are not answers.
        var r = ItemSummary.Summarize(Likert, ["4", "5", "3", "WN", "", null, "4", "9"]);
        Assert.Equal(4, r.N);
        Assert.Equal(1, r.DontKnow);
        Assert.Equal([0, 0, 1, 2, 1], Likert.Codes.Select(c => r.Counts[c]));
        Assert.Equal([0.0, 0.0, 25.0, 50.0, 25.0], Likert.Codes.Select(c => r.Percentages[c]));
        Assert.Equal(4.0, r.Mean);
    }

    [Fact]
    public void Percentages_are_not_rounded()
    {
        var r = ItemSummary.Summarize(Likert, ["1", "2", "2"]);
        Assert.Equal(100.0 / 3, r.Percentages["1"], 12);
        Assert.Equal(200.0 / 3, r.Percentages["2"], 12);
    }

    [Fact]
    public void Multiple_choice_counts_codes_once_per_respondent_and_percentages_are_of_those_who_answered()
    {
        var spec = new ItemSpec("I4", ItemKind.Multiple, ["OOV", "CRISIS", "NIET"]);
        // Four respondents answered; OOV chosen by three of them (once each, even when repeated).
        var r = ItemSummary.Summarize(spec, ["OOV|CRISIS", "OOV", "", "NIET", "OOV|OOV"]);
        Assert.Equal(4, r.N);
        Assert.Equal(3, r.Counts["OOV"]);
        Assert.Equal(75.0, r.Percentages["OOV"]);
        Assert.Equal(25.0, r.Percentages["NIET"]);
        Assert.Null(r.Mean);
    }

    [Fact]
    public void Score_has_every_value_of_the_range_and_a_mean()
    {
        var spec = new ItemSpec("EC_score", ItemKind.Score, [.. Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var r = ItemSummary.Summarize(spec, ["6", "7", "", "8"]);
        Assert.Equal(3, r.N);
        Assert.Equal(10, r.Counts.Count);
        Assert.Equal(7.0, r.Mean);
    }

    [Fact]
    public void No_answers_gives_n_zero_zero_percentages_and_no_mean()
    {
        var r = ItemSummary.Summarize(Likert, ["", "WN"]);
        Assert.Equal(0, r.N);
        Assert.All(r.Percentages.Values, p => Assert.Equal(0.0, p));
        Assert.Null(r.Mean);
    }

    [Fact]
    public void Pillar_score_mean_and_sample_sd_and_mean_rank_over_those_who_ranked()
    {
        // Scores 6, 7, 8: mean 7, sample sd sqrt(((−1)² + 0 + 1²) / 2) = 1. Ranks 1, 2, 3 (one empty): mean 2 over 3.
        var p = PillarSummary.Summarize("EC", ["6", "7", "8", ""], ["1", "2", "", "3"]);
        Assert.Equal((3, 7.0, 1.0, 2.0, 3), (p.N, p.MeanScore!.Value, p.SdScore!.Value, p.MeanRank!.Value, p.NRanked));
        var single = PillarSummary.Summarize("CO", ["5"], []);
        Assert.Null(single.SdScore);
        Assert.Null(single.MeanRank);
    }
}
