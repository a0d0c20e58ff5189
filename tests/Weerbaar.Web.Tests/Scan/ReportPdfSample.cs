using Weerbaar.Web.Features.Scan.Report;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>A hand-made report with every block kind; each chapter is a page of its own in print.</summary>
public static class ReportPdfSample
{
    public static ReportDocument Document(int chapters = 4)
    {
        var blocks = new List<ReportBlock>();
        for (var c = 1; c <= chapters; c++)
        {
            blocks.Add(new ReportHeading(1, $"h{c}", $"{c}. Hoofdstuk {Word(c)}"));
            blocks.Add(new ReportParagraph($"Van de 75 gemeenten die de vragenlijst invulden, gaf 42,7% aan dat het onderwerp van hoofdstuk {c} een hoge prioriteit heeft. "
                + "Deze alinea is lang genoeg om over meer dan één regel door te lopen, zodat de opmaak van lopende tekst in de PDF zichtbaar wordt."));
            blocks.Add(new ReportNarrativeBlock("uitkomsten", "De **onderzoekers** schreven hier hun duiding bij de figuren."));
            blocks.Add(new ReportHeading(2, $"h{c}-1", $"{c}.1 Cijfers {Word(c)}"));
            blocks.Add(new ReportFigure(c, $"figuur-{c}", $"Figuurtitel {Word(c)}", "Verdeling van de antwoorden per vraag.",
                new StackedBarReportChart(["1", "2", "3", "4", "5"], [new("B1", [10, 20, 30, 25, 15]), new("B2", null)]),
                new ReportTable($"fig{c}", $"Tabel bij figuur {c}", ["Vraag", "n", "Gemiddelde"],
                    [["B1", new ReportCell("75", 75), new ReportCell("3,2", 3.2)], ["B2", "<5", "<5"]], 75)));
            blocks.Add(new ReportList([$"Eerste bevinding {c}", $"Tweede bevinding {c}"]));
            blocks.Add(new ReportHeading(2, $"h{c}-2", $"{c}.2 Tabellen {Word(c)}"));
            blocks.Add(new ReportTable($"tabel{c}", $"Tabeltitel {Word(c)}", ["Groep", "n", "Score"],
                [.. Enumerable.Range(1, 12).Select(r => (IReadOnlyList<ReportCell>)[$"Groep {r}", r % 4 == 0 ? "<5" : new ReportCell($"{10 + r}", 10 + r), $"{r},5"])], 75,
                "Aantallen onder de 5 zijn niet getoond."));
            blocks.Add(new ReportQuotes($"Thema {Word(c)}", ["„Een citaat uit de open antwoorden.”", "„Nog een citaat.”"]));
        }
        return new ReportDocument("Weerbaarheidsscan Proefronde", "Uitkomsten Weerbaarheidsscan Proefronde", "Weerbaarheidsscan gemeenten", new DateOnly(2026, 1, 15), 75, blocks);
    }

    private static readonly string[] Words = ["alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];

    private static string Word(int c) => c <= Words.Length ? Words[c - 1] : $"nummer {c}";
}
