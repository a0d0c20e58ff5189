namespace Weerbaar.Web.Features.CrisisKit.Contacts;

/// <summary>The kinds of crisis contacts, in the order lists and printed packs show them.</summary>
public static class CrisisContactCategories
{
    public sealed record Category(string Code, string Label);

    public static IReadOnlyList<Category> All { get; } =
    [
        new("veiligheidsregio", "Veiligheidsregio"),
        new("drinkwater", "Drinkwaterbedrijf"),
        new("netbeheerder", "Netbeheerder (stroom, gas)"),
        new("ggd", "GGD / GHOR"),
        new("politie", "Politie"),
        new("brandweer", "Brandweer"),
        new("zorg", "Zorg (huisarts, thuiszorg, ziekenhuis)"),
        new("gemeente", "Gemeente (eigen organisatie)"),
        new("partner", "Partner / maatschappelijke organisatie"),
        new("anders", "Anders"),
    ];

    public static Category? Find(string? code)
        => All.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(string code) => Find(code)?.Label ?? code;

    /// <summary>The position in <see cref="All"/>; an unknown code sorts last.</summary>
    public static int Rank(string code) => Find(code) is { } c ? All.ToList().IndexOf(c) : All.Count;
}
