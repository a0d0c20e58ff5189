using Weerbaar.Analysis.Disclosure;

namespace Weerbaar.Web.Features.Foto;

/// <summary>A peer mean in the API: when <paramref name="Suppressed"/>, n and mean are null and <paramref name="Reason"/>
/// says why ("small-group": fewer than the threshold; "complementary": would give away a small group).</summary>
public sealed record GroupMeanDto(int? N, double? Mean, bool Suppressed, string? Reason)
{
    public static GroupMeanDto From(GroupMean g) => new(g.N, g.Mean, g.Suppressed, g.Reason switch
    {
        SuppressionReason.None => null,
        SuppressionReason.SmallGroup or SuppressionReason.Primary => "small-group",
        _ => "complementary",
    });
}

public sealed record PeerGroupDto(string Key, string Label);

public sealed record ScanPositionGroupsDto(PeerGroupDto Veiligheidsregio, PeerGroupDto SizeClass, PeerGroupDto Urbanity);

public sealed record MeasurePositionDto(double? Own, GroupMeanDto National, GroupMeanDto Veiligheidsregio, GroupMeanDto SizeClass, GroupMeanDto Urbanity, double? Percentile)
{
    public static MeasurePositionDto From(MeasurePosition m) => new(m.Own, GroupMeanDto.From(m.National), GroupMeanDto.From(m.Veiligheidsregio),
        GroupMeanDto.From(m.SizeClass), GroupMeanDto.From(m.Urbanity), m.Percentile);
}

/// <summary>A pillar: the score (1–10) at the top level, bewustzijn and inzicht (1–5) alongside.</summary>
public sealed record PillarPositionDto(
    string Pillar, string Name, double? Own, GroupMeanDto National, GroupMeanDto Veiligheidsregio, GroupMeanDto SizeClass, GroupMeanDto Urbanity,
    double? Percentile, MeasurePositionDto Bewustzijn, MeasurePositionDto Inzicht);

public sealed record OpenAnswerDto(string Question, string Text, string? Answer);

public sealed record TrendPillarDto(string Pillar, double? Own, GroupMeanDto National);

public sealed record TrendRoundDto(Guid RoundId, string RoundName, DateOnly OpensOn, IReadOnlyList<TrendPillarDto> Pillars);

/// <param name="MinimumGroupSize">Peer means over fewer gemeenten are withheld.</param>
/// <param name="PeerMeansIncludeGemeente">Always true: every peer mean counts the gemeente itself.</param>
public sealed record ScanPositionDto(
    Guid RoundId, string RoundName, string Gemeentecode, int MinimumGroupSize, bool PeerMeansIncludeGemeente, ScanPositionGroupsDto Groups,
    IReadOnlyList<PillarPositionDto> Pillars, IReadOnlyList<OpenAnswerDto> OpenAnswers, IReadOnlyList<TrendRoundDto> Trend)
{
    public static ScanPositionDto From(ScanPosition p) => new(
        p.RoundId, p.RoundName, p.GemeenteCode, p.Threshold, true,
        new ScanPositionGroupsDto(Group(p.Veiligheidsregio), Group(p.SizeClass), Group(p.Urbanity)),
        p.Pillars.Select(x => new PillarPositionDto(x.Code, x.Name, x.Score.Own, GroupMeanDto.From(x.Score.National),
            GroupMeanDto.From(x.Score.Veiligheidsregio), GroupMeanDto.From(x.Score.SizeClass), GroupMeanDto.From(x.Score.Urbanity),
            x.Score.Percentile, MeasurePositionDto.From(x.Bewustzijn), MeasurePositionDto.From(x.Inzicht))).ToList(),
        p.OpenAnswers.Select(o => new OpenAnswerDto(o.QuestionId, o.Question, o.Answer)).ToList(),
        p.Trend.Select(t => new TrendRoundDto(t.RoundId, t.RoundName, t.OpensOn,
            t.Pillars.Select(x => new TrendPillarDto(x.Code, x.Own, GroupMeanDto.From(x.National))).ToList())).ToList());

    private static PeerGroupDto Group(PeerGroup g) => new(g.Key, g.Label);
}
