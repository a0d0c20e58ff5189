namespace Weerbaar.Web.Features.Accounts;

public static class Roles
{
    public const string Beheerder = "beheerder";
    public const string Onderzoeker = "onderzoeker";
    public const string Regio = "regio";
    public const string Coordinator = "coordinator";
    public const string Lezer = "lezer";

    public static readonly IReadOnlyList<string> All = [Beheerder, Onderzoeker, Regio, Coordinator, Lezer];

    public static string Label(string role) => role switch
    {
        Beheerder => "Beheerder (platform)",
        Onderzoeker => "Onderzoeker (landelijk onderzoeksteam)",
        Regio => "Veiligheidsregio (leest haar gemeenten)",
        Coordinator => "Coördinator (bewerkt eigen gemeente)",
        Lezer => "Lezer (leest eigen gemeente)",
        _ => role,
    };

    public static bool NeedsGemeente(string role) => role is Coordinator or Lezer;
    public static bool NeedsRegio(string role) => role == Regio;
}
