using Weerbaar.Analysis.Allocation;

namespace Weerbaar.Web.Features.Allocation;

/// <summary>A demand group: who, its default priority tier, and why.</summary>
public sealed record DemandGroupDefinition(string Code, string Name, int DefaultTier, string Description);

/// <summary>A default need of one group for one resource per person per 6-hour period, with where the number comes from.</summary>
public sealed record NeedDefault(string Group, string Resource, double PerPersonPerPeriod, string Source, bool IsAssumption);

/// <summary>
/// The groups, periods, policies and default needs of an allocation plan. Resource codes are those of the national
/// scenario library (drinkwater, maaltijden, stroom, opvang, zorg, vervoer), so a scenario's scarce resources map
/// onto a plan directly.
/// </summary>
public static class AllocationCatalog
{
    public const int PeriodHours = 6, MaxPeriods = 12, MaxHours = PeriodHours * MaxPeriods;
    public const double DefaultMaxDistance = 2000, MinDistance = 100, MaxDistance = 20_000, MaxQuantity = 1e9;
    public const int MaxTier = 9;

    public const string Care = "zorgafhankelijk", Alone75 = "alleen-75plus", Infants = "jonge-kinderen", Others = "overig";

    public static readonly IReadOnlyList<DemandGroupDefinition> Groups =
    [
        new(Care, "zorgafhankelijk thuis", 1,
            "Thuiswonenden die zich naar schatting geen 72 uur redden (de schatting ‘niet 72 uur zelfredzaam’ van de gemeente, zonder bewoners van instellingen)."),
        new(Alone75, "75-plussers die alleen wonen", 2,
            "Alleenwonende 75-plussers die niet al bij ‘zorgafhankelijk thuis’ tellen."),
        new(Infants, "gezinnen met jonge kinderen", 2,
            "Kinderen van 0 tot 4 jaar met één ouder of verzorger. Tier 2: flesvoeding en hygiëne vragen schoon water, en baby’s raken snel uitgedroogd."),
        new(Others, "overige inwoners", 4, "Alle andere inwoners van de buurt."),
    ];

    public static DemandGroupDefinition? Group(string code) => Groups.FirstOrDefault(g => g.Code == code);

    public const string WaterSource = "Rijksoverheid, campagne ‘Denk vooruit’ (noodpakket): 3 liter drinkwater per persoon per dag, dus 0,75 liter per 6 uur.";

    public static readonly IReadOnlyList<NeedDefault> Needs = BuildNeeds();

    private static List<NeedDefault> BuildNeeds()
    {
        var list = new List<NeedDefault>();
        foreach (var g in Groups.Select(g => g.Code))
        {
            list.Add(new(g, "drinkwater", 0.75, WaterSource, false));
            list.Add(new(g, "maaltijden", 0.75, "Aanname: 3 maaltijden per persoon per dag (0,75 per 6 uur), als in het noodpakketadvies van ‘Denk vooruit’ (eten voor 3 dagen).", true));
        }
        list.Add(new(Care, "stroom", 1.0, "Aanname: thuisbeademing, zuurstofconcentrator of tillift gebruikt 150–300 watt; 1 kWh per 6 uur.", true));
        list.Add(new(Care, "zorg", 0.5, "Aanname: 2 uur zorg per dag per zorgafhankelijke (0,5 uur per 6 uur); stel vast met wijkteam en thuiszorg.", true));
        list.Add(new(Alone75, "zorg", 0.125, "Aanname: een dagelijks bezoek van een half uur (0,125 uur per 6 uur).", true));
        list.Add(new(Care, "vervoer", 0.25, "Aanname: 1 rit per dag (bijvoorbeeld naar dialyse of een opvangplek).", true));
        list.Add(new(Alone75, "vervoer", 0.1, "Aanname: 1 rit per 2,5 dag.", true));
        list.Add(new(Care, "opvang", 0.10, "Aanname: 10 % heeft een opvangplaats nodig (geen warmte, stroom of verzorging thuis).", true));
        list.Add(new(Alone75, "opvang", 0.10, "Aanname: 10 % heeft een opvangplaats nodig.", true));
        list.Add(new(Infants, "opvang", 0.05, "Aanname: 5 % heeft een opvangplaats nodig.", true));
        list.Add(new(Others, "opvang", 0.02, "Aanname: 2 % heeft een opvangplaats nodig.", true));
        return list;
    }

    public static NeedDefault? Need(string group, string resource) => Needs.FirstOrDefault(n => n.Group == group && n.Resource == resource);

    public static readonly IReadOnlyList<(AllocationPolicy Policy, string Code, string Label, string Description)> Policies =
    [
        (AllocationPolicy.StrictPriority, "strikte-prioriteit", "Strikte prioriteit",
            "Eerst tier 1 zo eerlijk en volledig mogelijk, dan tier 2, enzovoort. Standaard."),
        (AllocationPolicy.Proportional, "naar-rato", "Naar rato",
            "Per uitdeelpunt en periode krijgt iedereen die er komt hetzelfde deel van zijn behoefte."),
        (AllocationPolicy.MaxMin, "max-min", "Max-min (zo gelijk mogelijk)",
            "Het laagste bedieningsniveau zo hoog mogelijk, zonder naar tiers te kijken."),
    ];

    public static AllocationPolicy? Policy(string? code) => Policies.FirstOrDefault(p => p.Code == code) is { Code: not null } p ? p.Policy : null;

    public static string PolicyCode(AllocationPolicy policy) => Policies.First(p => p.Policy == policy).Code;

    public static string PolicyLabel(AllocationPolicy policy) => Policies.First(p => p.Policy == policy).Label;

    public static string PeriodLabel(int t) => $"{t * PeriodHours}–{(t + 1) * PeriodHours} uur";

    /// <summary>Periods of 6 hours covering a duration, at most 72 hours.</summary>
    public static int PeriodsFor(int hours) => Math.Clamp((int)Math.Ceiling(Math.Min(hours, MaxHours) / (double)PeriodHours), 1, MaxPeriods);
}
