using Weerbaar.Analysis.Decision;
using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>One thing known about how prepared the gemeente is for a scenario, 0–1, with where it comes from.</summary>
/// <param name="Value">Null when the figure is not available (e.g. no scan submitted).</param>
public sealed record PreparednessPart(string Id, string Label, double? Value, string Source);

/// <summary>A scenario in the priority: its risk, its preparedness and its score at the central weights.</summary>
/// <param name="Values">Criterion values 0–1 at the middle of every range: kans, impact, onvoorbereidheid.</param>
public sealed record PriorityRow(
    string Code, string Name, bool Own, ScenarioRisk Risk, IReadOnlyList<PreparednessPart> Parts, double? Preparedness,
    IReadOnlyList<double> Values, double Score, int Rank);

/// <summary>A gemeente's priority weights as stored (or the defaults, version 0), with AHP's consistency when they came from it.</summary>
public sealed record PriorityWeightsState(
    GemeenteInfo Gemeente, PriorityWeights Weights, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, AhpResult? Ahp);

/// <summary>Everything the priority page and API show for one gemeente.</summary>
/// <param name="Rows">Assessed scenarios, highest priority first.</param>
/// <param name="NotAssessed">Scenarios without a (valid) assessment: they take no part.</param>
/// <param name="Smaa">Rank acceptabilities; null with fewer than two assessed scenarios.</param>
/// <param name="Sensitivity">Per weight where the top changes; null with fewer than two assessed scenarios.</param>
public sealed record ScenarioPriorityReport(
    string MethodVersion,
    PriorityWeightsState Weighting,
    IReadOnlyList<PriorityRow> Rows,
    IReadOnlyList<(string Code, string Name)> NotAssessed,
    IReadOnlyList<AssessmentError> Errors,
    SmaaResult? Smaa,
    IReadOnlyList<WeightSensitivity>? Sensitivity,
    string? ScanRoundName)
{
    public GemeenteInfo Gemeente => Weighting.Gemeente;

    public PriorityWeights Weights => Weighting.Weights;

    public const int Samples = 10_000;
    public const ulong Seed = 2026;

    public const string Method =
        "Prioriteit = gewogen som van drie criteria, elk van 0 tot 1: kans (positie A = 1 … E = 5, gedeeld door 5), impact (eindscore op de "
        + "klasse-as X = 0 … E = 5, gedeeld door 5) en onvoorbereidheid (1 − voorbereidheid). Kans en impact staan beide op een logaritmische "
        + "schaal van de klassewaarden, zodat hun som de volgorde van het risico (kans × impact) volgt. Voorbereidheid is het gemiddelde van wat "
        + "bekend is: de scores op de pijlers die het scenario raakt in de Weerbaarheidsscan (1–10 herschaald naar 0–1), het aandeel van de niet "
        + "72 uur zelfredzame inwoners binnen de normafstand van een noodsteunpunt (als het scenario een vitale voorziening raakt) en het eigen "
        + "oordeel van de gemeente (1–5 herschaald naar 0–1). Zonder enig gegeven telt 0,5.";
}
