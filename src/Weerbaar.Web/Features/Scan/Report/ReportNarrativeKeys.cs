namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>The sections of the report the research team writes; the rest is generated from the data.</summary>
public static class ReportNarrativeKeys
{
    public const string Inleiding = "inleiding";
    public const string Verantwoording = "verantwoording";
    public const string Uitkomsten = "uitkomsten";
    public const string Conclusies = "conclusies";
    public const string Aanbevelingen = "aanbevelingen";

    public static readonly IReadOnlyList<(string Key, string Label)> All =
    [
        (Inleiding, "Inleiding"),
        (Verantwoording, "Verantwoording (toelichting bij de gegenereerde tekst)"),
        (Uitkomsten, "Uitkomsten (duiding bij de figuren)"),
        (Conclusies, "Conclusies"),
        (Aanbevelingen, "Aanbevelingen"),
    ];
}
