using Weerbaar.Web.Features.Gemeenten;

namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>Everything the programmaplan document and the deadline feed are made of, read once.</summary>
public sealed record ProgrammePlanData(
    GemeenteInfo Gemeente,
    GemeenteProgramme Programme,
    IReadOnlyList<ProgrammeAction> Actions,
    IReadOnlyList<PartnerAgreement> Agreements,
    ProgrammePlanningResult Planning,
    MeasuresCatalogue Catalogue,
    DateOnly Today,
    DateOnly? LastReview)
{
    /// <summary>The last review plus the review cycle; without a review, one cycle after the programme start.</summary>
    public DateOnly NextReview => (LastReview ?? Programme.StartDate).AddMonths(Math.Max(1, Programme.ReviewCycleMonths));

    public string PillarName(string code) => Catalogue.Pillars.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    /// <summary>A catalogue partner's name, or the own name as it was written.</summary>
    public string PartnerName(string partner) => Catalogue.Partners.FirstOrDefault(p => p.Code == partner)?.Name ?? partner;

    /// <summary>The action of a planning key ("A-3"), when there is one.</summary>
    public ProgrammeAction? ActionOf(string key) => Actions.FirstOrDefault(a => ProgrammePlanningResult.Key(a.Number) == key);
}
