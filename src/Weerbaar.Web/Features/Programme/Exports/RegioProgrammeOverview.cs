namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>The programmes of a veiligheidsregio's gemeenten side by side, to coordinate shared partners.</summary>
public sealed record RegioProgrammeOverview(
    string Veiligheidsregio, string Name, DateOnly Today,
    IReadOnlyList<RegioGemeenteProgramme> Gemeenten, IReadOnlyList<RegioPillarRow> Pillars, IReadOnlyList<RegioPartnerRow> Partners);

/// <summary>One gemeente's programme in a few figures. <paramref name="Overdue"/>: deadline passed, not done or stopped.
/// The budgets are what the actions ask (one-off, and structural per year) and what the begroting holds over all its years.</summary>
public sealed record RegioGemeenteProgramme(
    string Gemeentecode, string Name, bool HasProgramme, string ProgrammeName, string? Regisseur,
    int Actions, int Done, int Overdue, decimal OneOffBudget, decimal StructuralBudgetPerYear, decimal Begroting, DateOnly? NextReview);

/// <summary>Actions of one pillar per gemeente (every gemeente of the regio, in the order of <see cref="RegioProgrammeOverview.Gemeenten"/>).</summary>
public sealed record RegioPillarRow(string Pillar, string Name, IReadOnlyList<RegioCount> PerGemeente)
{
    public int Total => PerGemeente.Sum(c => c.Actions);
}

public sealed record RegioCount(string Gemeentecode, int Actions);

/// <summary>A partner (catalogue code or own name) and what each gemeente has with it; shared when more than one gemeente works with it.</summary>
public sealed record RegioPartnerRow(string Partner, string Name, int Gemeenten, IReadOnlyList<RegioPartnerCell> PerGemeente)
{
    public bool IsShared => Gemeenten > 1;
}

/// <summary>Actions naming the partner, agreements with it, and the earliest review date of those agreements.</summary>
public sealed record RegioPartnerCell(string Gemeentecode, int Actions, int Agreements, DateOnly? NextReview)
{
    public bool IsEmpty => Actions == 0 && Agreements == 0;
}
