using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>
/// Writes the report of a round in the structure of the national report (inleiding, verantwoording, uitkomsten,
/// conclusies en aanbevelingen): figures, tables and sentences with numbers generated from the data, and the
/// narrative sections of the research team. Disclosure control is applied here, before anything is rendered:
/// whole-round distributions with GroupSuppression.ProtectOverall, breakdowns with GroupSuppression.Protect and
/// CellSuppression (see docs/decisions/0006-disclosure-control.md).
/// </summary>
public sealed partial class ReportComposer
{
    private readonly ReportInputs _in;
    private readonly List<ReportBlock> _blocks = [];
    private readonly RoundResultsDto _results;
    private int _figures;

    private ReportComposer(ReportInputs inputs)
    {
        _in = inputs;
        _results = RoundResults.Compute(inputs.Instrument, inputs.Responses.Select(r => r.Answers).ToList());
    }

    public static ReportDocument Compose(ReportInputs inputs)
    {
        var c = new ReportComposer(inputs);
        c.Inleiding();
        c.Verantwoording();
        c.Uitkomsten();
        c.Conclusies();
        return new ReportDocument(inputs.Round.Name, $"Uitkomsten {inputs.Round.Name}", "Weerbaarheidsscan gemeenten", inputs.Date, inputs.Responses.Count, c._blocks);
    }

    private int Threshold => _in.Disclosure.Threshold;
    private Instrument Instrument => _in.Instrument;
    private int Responses => _in.Responses.Count;

    private void Heading(int level, string id, string text) => _blocks.Add(new ReportHeading(level, id, text));
    private void Paragraph(string text) => _blocks.Add(new ReportParagraph(text));

    private void Narrative(string key)
    {
        var text = _in.Narratives.TryGetValue(key, out var saved) ? saved : DefaultNarratives.For(key);
        if (!string.IsNullOrWhiteSpace(text))
        {
            _blocks.Add(new ReportNarrativeBlock(key, text));
        }
    }

    private void Figure(string id, string title, string description, ReportChart chart, ReportTable table)
        => _blocks.Add(new ReportFigure(++_figures, id, title, description, chart, table));

    private QuestionResultDto? Question(string id) => _results.Questions.FirstOrDefault(q => q.Id == id);

    private string QuestionText(string id) => Instrument.QuestionOf(id)?.Text ?? id;

    private string PillarName(string code) => RoundResults.PillarName(Instrument, code);

    private void Inleiding()
    {
        Heading(1, "inleiding", "1. Inleiding");
        if (Demo.DemoSeeder.IsDemo(_in.Round))
        {
            Paragraph(Demo.DemoSeeder.MadeUpNotice);
        }
        Narrative(ReportNarrativeKeys.Inleiding);
    }

    private void Conclusies()
    {
        Heading(1, "conclusies-aanbevelingen", "4. Conclusie en aanbevelingen");
        Heading(2, "conclusies", "Conclusies");
        var findings = Findings();
        if (findings.Count > 0)
        {
            Paragraph("De belangrijkste uitkomsten, berekend uit de antwoorden:");
            _blocks.Add(new ReportList(findings));
        }
        Narrative(ReportNarrativeKeys.Conclusies);
        Heading(2, "aanbevelingen", "Aanbevelingen");
        Narrative(ReportNarrativeKeys.Aanbevelingen);
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", Format.Dutch);
}
