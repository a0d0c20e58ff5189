using Weerbaar.Analysis.SelfReliance;

namespace Weerbaar.Web.Features.Allocation;

/// <summary>The four demand groups of one buurt; disjoint, so they add up to the buurt's residents.</summary>
public sealed record BuurtGroupSizes(double Care, double Alone75, double Infants, double Others)
{
    public double Total => Care + Alone75 + Infants + Others;

    public double Of(string group) => group switch
    {
        AllocationCatalog.Care => Care,
        AllocationCatalog.Alone75 => Alone75,
        AllocationCatalog.Infants => Infants,
        _ => Others,
    };
}

/// <summary>
/// How the groups are derived from the CBS buurt figures (Kerncijfers wijken en buurten 2024) and the gemeente's
/// "niet 72 uur zelfredzaam" estimate. CBS publishes neither 75-plussers, nor one-person households, nor children under
/// 4 per buurt, so those come from shares that are shown and stated as assumptions.
/// </summary>
public static class DemandGroupSizes
{
    /// <summary>Children 0–3 are 4 of the 15 one-year cohorts in CBS's 0–15 group (assumption: equally spread).</summary>
    public const double InfantShareOf0To15 = 4.0 / 15;

    /// <summary>Each young child comes with one parent or carer (assumption).</summary>
    public const double PeoplePerInfant = 2;

    public const string Method =
        "Zorgafhankelijk thuis: de schatting ‘niet 72 uur zelfredzaam’ van de gemeente per buurt (alleenwonende 75-plussers, overige 65-plussers en jongeren met een zorgvraag, "
        + "plus thuiswonenden op apparatuur uit het register), zonder bewoners van instellingen. "
        + "75-plussers alleen: 65-plussers (CBS) × aandeel 75-plus × aandeel alleenwonend (aannames van de zelfredzaamheidspagina, standaard 46 % en 42 %), min wie al zorgafhankelijk telt. "
        + "Gezinnen met jonge kinderen: inwoners van 0–15 jaar (CBS) × 4/15 (aanname: de leeftijdsjaren zijn even groot) geeft de kinderen van 0–3 jaar, elk met één ouder (aanname). "
        + "Overige inwoners: de rest van de inwoners (CBS). Komen de eerste drie samen boven het aantal inwoners, dan worden ze naar rato verkleind, zodat niemand twee keer telt.";

    public static BuurtGroupSizes For(int residents, int? age0To15, SelfRelianceEstimate estimate)
    {
        double care = estimate.FromOlder75Alone + estimate.FromOtherOlder + estimate.FromUnder65 + estimate.AtHomeDependent;
        double alone = Math.Max(0, estimate.Older75Alone - estimate.FromOlder75Alone);
        double infants = (age0To15 ?? 0) * InfantShareOf0To15 * PeoplePerInfant;
        var sum = care + alone + infants;
        if (residents <= 0)
        {
            return new BuurtGroupSizes(0, 0, 0, 0);
        }
        if (sum > residents)
        {
            var scale = residents / sum;
            (care, alone, infants) = (care * scale, alone * scale, infants * scale);
            return new BuurtGroupSizes(care, alone, infants, Math.Max(0, residents - care - alone - infants));
        }
        return new BuurtGroupSizes(care, alone, infants, residents - sum);
    }
}
