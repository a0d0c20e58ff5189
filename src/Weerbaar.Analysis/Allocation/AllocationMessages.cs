using System.Globalization;

namespace Weerbaar.Analysis.Allocation;

/// <summary>The Dutch sentences of a result, for a municipal coordinator.</summary>
internal static class AllocationMessages
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Share(double share) => (share * 100).ToString("0.#", Dutch) + " %";

    public static string Kilometres(double metres) => (metres / 1000).ToString("0.#", Dutch) + " km";

    public static string PolicyName(AllocationPolicy policy) => policy switch
    {
        AllocationPolicy.StrictPriority => "Strikte voorrang (tier 1 eerst, binnen een tier eerlijk verdeeld)",
        AllocationPolicy.Proportional => "Naar rato van de behoefte",
        _ => "Eerlijk over iedereen (max-min, zonder tiers)",
    };

    public static string MinimumInfeasible(AllocationResource resource, double minimum, double best)
        => $"Het minimumniveau van {Share(minimum)} is voor {resource.Name} niet haalbaar: de voorraad is te klein om iedereen "
            + $"binnen bereik van een uitdeelpunt in elke periode dat deel te geven (hoogstens {Share(best)} is voor iedereen haalbaar). "
            + "Daarom is zonder minimumniveau verdeeld.";

    public static string StageFailed(AllocationResource resource, int tier, string step, string status)
        => $"De berekening voor {resource.Name} ({(tier == 0 ? "iedereen" : $"tier {tier}")}, stap {step}) gaf geen optimale oplossing ({status}). "
            + "De verdeling is die van de laatste stap die wel optimaal was: de tiers daarvoor houden hun niveau, de rest kan beter. "
            + "Probeer een ruimere tijdslimiet.";

    public static string Describe(AllocationPolicy policy, IEnumerable<(AllocationResource Resource, double Need, double Served)> totals)
        => PolicyName(policy) + ": bediend "
            + string.Join(", ", totals.Select(x => $"{x.Resource.Name} {Share(x.Need > 0 ? x.Served / x.Need : 1)}"))
            + " van de behoefte.";

    public const string NoNeed = "Geen behoefte.";

    public const string Full = "Volledig bediend.";

    public static string OutOfReach(double maxMetres, double nearestMetres)
        => double.IsFinite(nearestMetres)
            ? $"Geen uitdeelpunt binnen {Kilometres(maxMetres)} (het dichtstbijzijnde ligt op {Kilometres(nearestMetres)})."
            : "Er is geen uitdeelpunt.";

    public static string Minimum(double minimum) => $"Minimumniveau van {Share(minimum)} gehaald; meer was er niet.";

    public static string Priority(int tier, IEnumerable<string> groups)
        => $"Beperkt door de voorraad: eerst ging tier {tier} ({string.Join(", ", groups)}) voor.";

    public static string Level(int tier, double level)
        => tier == 0
            ? $"Beperkt door de voorraad: eerlijk over iedereen verdeeld; iedereen binnen bereik kreeg in elke periode ten minste {Share(level)}, meer was er hier niet."
            : $"Beperkt door de voorraad: binnen tier {tier} eerlijk verdeeld; iedereen in deze tier kreeg in elke periode ten minste {Share(level)}, meer was er hier niet.";

    public static string Proportional(double fraction)
        => $"Naar rato verdeeld: het dichtstbijzijnde uitdeelpunt gaf iedereen die het bediende hetzelfde deel van de behoefte; hier {Share(fraction)}.";

    public static string Exhausted(int points)
        => $"Beperkt door de voorraad: {(points == 1 ? "het bereikbare uitdeelpunt had" : $"de {points} bereikbare uitdeelpunten hadden")} niets meer over.";
}
