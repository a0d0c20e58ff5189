using Weerbaar.Analysis.Disclosure;
using Weerbaar.Analysis.Statistics;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Monitoring;
using Weerbaar.Web.Features.Scan.Results;

namespace Weerbaar.Web.Features.Foto;

/// <summary>The gemeente's group in one peer dimension, e.g. ("veiligheidsregio", "VR20", "Midden- en West-Brabant").</summary>
public sealed record PeerGroup(string Dimension, string Key, string Label);

/// <summary>
/// A mean over a group of gemeenten after disclosure control. When withheld, neither the mean nor n is given:
/// <see cref="SuppressionReason.SmallGroup"/> means fewer than the threshold answered ("&lt;5"),
/// <see cref="SuppressionReason.Complementary"/> that the group was large enough but published it would let a
/// reader compute the mean of a small group from the national figure.
/// </summary>
public sealed record GroupMean(int? N, double? Mean, SuppressionReason Reason)
{
    public bool Suppressed => Reason != SuppressionReason.None;

    public static GroupMean Withheld(SuppressionReason reason) => new(null, null, reason);
}

/// <summary>One measure of a pillar (its score 1–10, or bewustzijn/inzicht 1–5): the gemeente's own answer beside its peers.</summary>
/// <param name="Own">The gemeente's answer; null when it skipped the question or answered 'weet niet'.</param>
/// <param name="Percentile">Mid-rank percentile of <paramref name="Own"/> among all gemeenten that answered
/// (nationally, the gemeente included); null without an own answer or when the national group is withheld.</param>
public sealed record MeasurePosition(double? Own, GroupMean National, GroupMean Veiligheidsregio, GroupMean SizeClass, GroupMean Urbanity, double? Percentile);

public sealed record PillarPosition(string Code, string Name, MeasurePosition Score, MeasurePosition Bewustzijn, MeasurePosition Inzicht);

/// <summary>One open question (O1–O4) with the gemeente's own answer as submitted; null when left empty.</summary>
public sealed record OpenAnswerPosition(string QuestionId, string Question, string? Answer);

/// <summary>A pillar in one round of the trend: the gemeente's score and the national mean of that round.</summary>
public sealed record TrendPillar(string Code, double? Own, GroupMean National);

public sealed record TrendRound(Guid RoundId, string RoundName, DateOnly OpensOn, IReadOnlyList<TrendPillar> Pillars);

/// <summary>
/// A gemeente's answers to the Weerbaarheidsscan in one round next to those of its peers: all responding gemeenten
/// (national), its veiligheidsregio, its size class and its stedelijkheid. Only means over at least
/// <see cref="Threshold"/> gemeenten are published; the answers of other gemeenten never leave this record.
/// </summary>
/// <param name="Trend">Every round in which the gemeente submitted, oldest first (the current round included).</param>
public sealed record ScanPosition(
    string GemeenteCode, string GemeenteName, Guid RoundId, string RoundName, int Threshold,
    PeerGroup Veiligheidsregio, PeerGroup SizeClass, PeerGroup Urbanity,
    IReadOnlyList<PillarPosition> Pillars, IReadOnlyList<OpenAnswerPosition> OpenAnswers, IReadOnlyList<TrendRound> Trend)
{
    /// <summary>The measures of a pillar, with the suffix of their answer column and their scale.</summary>
    public static readonly (string Id, string Label, int Max)[] Measures = [("score", "score", 10), ("bewustzijn", "bewustzijn", 5), ("inzicht", "inzicht", 5)];

    public static readonly string[] OpenQuestions = ["O1", "O2", "O3", "O4"];

    public const string UrbanityExplanation =
        "Stedelijk = CBS-stedelijkheidsklasse 1–3, landelijk = klasse 4–5, naar de klasse waarin de meeste inwoners van de gemeente wonen (modale klasse).";

    /// <summary>
    /// The position of <paramref name="gemeente"/> among <paramref name="responses"/> (one submitted response per
    /// gemeente of the round, the gemeente's own included).
    /// Peer means include the gemeente itself, as a group mean does: every member of a group then sees the same
    /// figure, so comparing what two members see reveals nothing (a mean without oneself would differ per member and
    /// give away the difference between their answers). A group is published when GroupSuppression.Protect allows it
    /// over all groups of its dimension, i.e. with at least the threshold of answers, and not when the national figure
    /// minus the published groups of the dimension would give away a group of fewer than the threshold.
    /// </summary>
    public static ScanPosition Compute(
        GemeenteInfo gemeente, Guid roundId, string roundName, Instrument instrument,
        IReadOnlyList<(GemeenteInfo Gemeente, Dictionary<string, string> Answers)> responses,
        IReadOnlyList<TrendRound> trend, DisclosureSettings disclosure)
    {
        var own = responses.Single(r => r.Gemeente.Code == gemeente.Code).Answers;
        var dimensions = new[] { "veiligheidsregio", "grootteklasse", "stedelijkheid" };
        var groups = dimensions.Select(d => ResponseMonitor.Group(d, gemeente)).Select((g, i) => new PeerGroup(dimensions[i], g.Key, g.Label)).ToArray();
        var columns = AnswerColumns.Of(responses.Select(r => (IReadOnlyDictionary<string, string>)r.Answers).ToList(),
            RoundResults.Pillars.SelectMany(p => Measures.Select(m => $"{p}_{m.Id}")));
        var pillars = RoundResults.Pillars
            .Where(p => instrument.QuestionOf($"{p}_score") is not null)
            .Select(p =>
            {
                var measures = Measures.Select(m =>
                {
                    var field = $"{p}_{m.Id}";
                    if (instrument.QuestionOf(field) is null)
                    {
                        return Empty;
                    }
                    var values = responses.Select((r, i) => (r.Gemeente, Value: RoundResults.Numeric(columns[field][i]))).ToList();
                    return Measure(RoundResults.Numeric(own.GetValueOrDefault(field)), values, dimensions, groups, disclosure);
                }).ToArray();
                return new PillarPosition(p, RoundResults.PillarName(instrument, p), measures[0], measures[1], measures[2]);
            })
            .ToList();
        var open = OpenQuestions
            .Where(q => instrument.QuestionOf(q) is not null)
            .Select(q => new OpenAnswerPosition(q, instrument.QuestionOf(q)!.Text, own.GetValueOrDefault(q) is { Length: > 0 } text ? text : null))
            .ToList();
        return new ScanPosition(gemeente.Code, gemeente.Name, roundId, roundName, disclosure.Threshold, groups[0], groups[1], groups[2], pillars, open, trend);
    }

    /// <summary>The pillar scores of one round for the trend: the gemeente's own and the national mean (withheld below the threshold).</summary>
    public static TrendRound TrendOf(
        string gemeentecode, Guid roundId, string roundName, DateOnly opensOn, Instrument instrument,
        IReadOnlyList<(string Gemeentecode, Dictionary<string, string> Answers)> responses, DisclosureSettings disclosure)
    {
        var own = responses.Single(r => r.Gemeentecode == gemeentecode).Answers;
        var fields = RoundResults.Pillars.Select(p => $"{p}_score").Where(f => instrument.QuestionOf(f) is not null).ToList();
        var columns = AnswerColumns.Of(responses.Select(r => (IReadOnlyDictionary<string, string>)r.Answers).ToList(), fields);
        var pillars = fields
            .Select(f => new TrendPillar(f[..2], RoundResults.Numeric(own.GetValueOrDefault(f)),
                National(columns[f].Select(RoundResults.Numeric).OfType<double>().ToList(), disclosure)))
            .ToList();
        return new TrendRound(roundId, roundName, opensOn, pillars);
    }

    private static readonly MeasurePosition Empty = new(null, new GroupMean(0, null, SuppressionReason.None),
        new GroupMean(0, null, SuppressionReason.None), new GroupMean(0, null, SuppressionReason.None), new GroupMean(0, null, SuppressionReason.None), null);

    private static MeasurePosition Measure(
        double? own, IReadOnlyList<(GemeenteInfo Gemeente, double? Value)> values, string[] dimensions, PeerGroup[] groups, DisclosureSettings disclosure)
    {
        var answered = values.Where(v => v.Value is not null).Select(v => (v.Gemeente, Value: v.Value!.Value)).ToList();
        var national = National(answered.Select(a => a.Value).ToList(), disclosure);
        var peers = dimensions.Select((d, i) => Peer(answered, d, groups[i].Key, disclosure)).ToArray();
        var percentile = own is { } score && !national.Suppressed ? PercentileRank.MidRank(answered.Select(a => a.Value).ToList(), score) : null;
        return new MeasurePosition(own, national, peers[0], peers[1], peers[2], percentile);
    }

    private static GroupMean National(List<double> values, DisclosureSettings disclosure)
        => GroupSuppression.Protect([values.Count], disclosure)[0]
            ? GroupMean.Withheld(SuppressionReason.SmallGroup)
            : new GroupMean(values.Count, values.Count == 0 ? null : values.Average(), SuppressionReason.None);

    /// <summary>The mean of the gemeente's group in <paramref name="dimension"/>, protected together with the other groups of the dimension.</summary>
    private static GroupMean Peer(IReadOnlyList<(GemeenteInfo Gemeente, double Value)> answered, string dimension, string key, DisclosureSettings disclosure)
    {
        var byGroup = answered.GroupBy(a => ResponseMonitor.Group(dimension, a.Gemeente).Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Values: g.Select(a => a.Value).ToList()))
            .ToList();
        var withheld = GroupSuppression.Protect(byGroup.Select(g => g.Values.Count).ToList(), disclosure);
        var index = byGroup.FindIndex(g => g.Key == key);
        if (index < 0)
        {
            return new GroupMean(0, null, SuppressionReason.None);
        }
        var values = byGroup[index].Values;
        if (withheld[index])
        {
            return GroupMean.Withheld(values.Count < disclosure.Threshold ? SuppressionReason.SmallGroup : SuppressionReason.Complementary);
        }
        return new GroupMean(values.Count, values.Average(), SuppressionReason.None);
    }
}
