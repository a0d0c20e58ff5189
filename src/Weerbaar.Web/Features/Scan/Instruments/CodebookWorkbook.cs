using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Weerbaar.Web.Features.Scan.Instruments;

/// <summary>
/// The codebook as an Excel workbook: sheet "Variabelen" (one row per variable, in the column order of the response
/// file) and sheet "Waardelabels" (variable, code, label, missing). Every cell is a value, never a formula.
/// </summary>
public static class CodebookWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string VariablesSheet = "Variabelen";
    public const string ValueLabelsSheet = "Waardelabels";

    public static string FileName(Codebook codebook) => $"codeboek-{codebook.Instrument}.xlsx";

    public static byte[] Write(Codebook codebook)
    {
        var variables = codebook.Variables.Select(v => new Dictionary<string, object?>
        {
            ["Positie"] = v.Position,
            ["Variabele"] = v.Name,
            ["Label"] = v.Label,
            ["Vraag"] = v.Question,
            ["Deel"] = v.Part,
            ["Deel (titel)"] = v.PartTitle,
            ["Sectie"] = v.Section,
            ["Type"] = Code(v.Type),
            ["Meetniveau"] = Code(v.MeasurementLevel),
            ["Opslag"] = Code(v.Storage),
            ["Minimum"] = v.Min,
            ["Maximum"] = v.Max,
            ["Maximale lengte"] = v.MaxLength,
            ["Scheidingsteken"] = v.Separator,
            ["Waardelabels"] = string.Join("; ", v.ValueLabels.Select(l => $"{l.Code} = {l.Label}")),
            ["Ontbrekende waarden"] = string.Join("; ", v.MissingValues.Select(m => m.Code.Length == 0 ? m.Label : $"{m.Code} = {m.Label}")),
            ["Exclusieve codes"] = v.ExclusiveCodes is { Count: > 0 } e ? string.Join(codebook.MultipleSeparator, e) : null,
            ["Voorwaarde"] = v.Condition?.Description,
            ["Formaat"] = v.Format,
            ["Toelichting"] = v.Note,
            ["Hulptekst"] = v.Help,
        }).ToList();
        var valueLabels = codebook.Variables.SelectMany(v => v.ValueLabels.Select(l => new Dictionary<string, object?>
        {
            ["Variabele"] = v.Name,
            ["Code"] = l.Code,
            ["Label"] = l.Label,
            ["Ontbrekend"] = v.MissingValues.Any(m => m.Code == l.Code) ? "ja" : "nee",
        })).ToList();

        var sheets = new Dictionary<string, object>
        {
            [VariablesSheet] = variables,
            [ValueLabelsSheet] = valueLabels,
        };
        var config = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, TableStyles = TableStyles.None };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, configuration: config);
        return buffer.ToArray();
    }

    private static string Code<T>(T value) where T : struct, Enum
        => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
