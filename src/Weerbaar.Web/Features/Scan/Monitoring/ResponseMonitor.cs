using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Monitoring;

public sealed record GroupResponse(string Key, string Label, int Population, int Invited, int Submitted, int InProgress)
{
    public double Rate => Population == 0 ? 0 : Submitted / (double)Population;
}

public sealed record NonResponder(string Gemeentecode, string Name, string Provincie, bool Invited, bool InProgress);

/// <summary>Response of a round by group, for the research team's fieldwork monitoring.</summary>
public static class ResponseMonitor
{
    public static readonly string[] Dimensions = ["provincie", "veiligheidsregio", "grootteklasse", "stedelijkheid"];

    /// <summary>The Dutch name of a dimension, for headings ("Respons per …").</summary>
    public static string DimensionLabel(string dimension) => dimension switch
    {
        "grootteklasse" => "grootteklasse (inwoners)",
        "stedelijkheid" => "stedelijkheid (stedelijk of landelijk)",
        _ => dimension,
    };

    public static IReadOnlyList<GroupResponse> By(
        string dimension, IReadOnlyList<GemeenteInfo> population, IReadOnlySet<string> invited, IReadOnlyDictionary<string, ResponseStatus> status)
        => population
            .GroupBy(g => Group(dimension, g))
            .Select(grp => new GroupResponse(grp.Key.Key, grp.Key.Label, grp.Count(),
                grp.Count(g => invited.Contains(g.Code)),
                grp.Count(g => status.GetValueOrDefault(g.Code, (ResponseStatus)(-1)) == ResponseStatus.Submitted),
                grp.Count(g => status.GetValueOrDefault(g.Code, (ResponseStatus)(-1)) == ResponseStatus.InProgress)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<NonResponder> NonResponders(IReadOnlyList<GemeenteInfo> population, IReadOnlySet<string> invited, IReadOnlyDictionary<string, ResponseStatus> status)
        => population.Where(g => status.GetValueOrDefault(g.Code, (ResponseStatus)(-1)) != ResponseStatus.Submitted)
            .Select(g => new NonResponder(g.Code, g.Name, g.ProvincieName, invited.Contains(g.Code), status.ContainsKey(g.Code)))
            .ToList();

    /// <summary>Size classes of the CBS style (residents).</summary>
    public static (string Key, string Label) SizeClass(int residents) => residents switch
    {
        < 20_000 => ("1", "minder dan 20.000 inwoners"),
        < 50_000 => ("2", "20.000 – 50.000 inwoners"),
        < 100_000 => ("3", "50.000 – 100.000 inwoners"),
        _ => ("4", "100.000 inwoners of meer"),
    };

    public static (string Key, string Label) Group(string dimension, GemeenteInfo g) => dimension switch
    {
        "provincie" => (g.ProvincieName, g.ProvincieName),
        "veiligheidsregio" => (g.VeiligheidsregioCode, g.VeiligheidsregioName),
        "grootteklasse" => SizeClass(g.Residents),
        "stedelijkheid" => g.IsUrban ? ("1", "stedelijk (klasse 1–3)") : ("2", "landelijk (klasse 4–5)"),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Onbekende indeling."),
    };
}
