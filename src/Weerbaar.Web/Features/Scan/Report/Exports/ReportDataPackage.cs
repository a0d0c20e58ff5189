using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>
/// The raw data behind a round's report for the research team: the response file (unsuppressed, per gemeente),
/// the codebook as JSON and as Excel, and a Dutch read-me that says the data are not for publication.
/// </summary>
public sealed class ReportDataPackage(AppDbContext db, InstrumentCatalog instruments, TimeProvider clock)
{
    // The API's JSON names (web defaults, as GET /instruments/{id}/codebook), indented and with letters unescaped for people who open the file.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string ContentType = "application/zip";
    public const string Responses = "antwoorden.csv";
    public const string CodebookJson = "codeboek.json";
    public const string CodebookExcel = "codeboek.xlsx";
    public const string ReadMe = "LEESMIJ.txt";

    public async Task<byte[]> BuildAsync(ScanRound round, CancellationToken ct)
    {
        var instrument = instruments.Find(round.InstrumentId)!;
        var (csv, count) = await ResponseFileEndpoints.ExportAsync(db, instrument, round.Id, ct);
        var codebook = CodebookBuilder.Build(instrument);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, Responses, csv);
            Add(zip, CodebookJson, JsonSerializer.SerializeToUtf8Bytes(codebook, Json));
            Add(zip, CodebookExcel, CodebookWorkbook.Write(codebook));
            Add(zip, ReadMe, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ReadMeText(round, instrument, count))).ToArray());
        }
        return buffer.ToArray();
    }

    private string ReadMeText(ScanRound round, Instrument instrument, int responses) => string.Join("\r\n",
        $"Gegevenspakket Weerbaarheidsscan – {round.Name}",
        $"Gemaakt op {Format.Today(clock).ToString("d MMMM yyyy", Format.Dutch)}.",
        "",
        $"Dit pakket bevat de ruwe antwoorden van de ronde '{round.Name}' ({Format.Number(responses)} {(responses == 1 ? "antwoord" : "antwoorden")}) "
            + $"en het codeboek van de vragenlijst '{instrument.Title}' ({instrument.Id}).",
        "",
        "VERTROUWELIJK – NIET VOOR PUBLICATIE",
        "antwoorden.csv bevat de antwoorden per gemeente, met gemeentecode: ze zijn herleidbaar tot gemeenten en de kleine",
        "aantallen zijn niet afgeschermd. Het bestand is alleen voor het onderzoeksteam. Publiceer het niet en deel het niet",
        "buiten het onderzoeksteam. Anders dan dit pakket is het rapport (Word, Excel, pdf) wel bedoeld voor publicatie:",
        "daarin zijn aantallen kleiner dan 5 afgeschermd.",
        "",
        "Bestanden",
        $"- {Responses}: alle antwoorden van de ronde, één regel per respondent (UTF-8, komma-gescheiden; hetzelfde formaat",
        "  als de import). Tekst die begint met = + - of @ heeft een apostrof ervoor, zodat een spreadsheet er geen formule van maakt.",
        $"- {CodebookJson}: het codeboek als JSON: per kolom van antwoorden.csv de variabele, het label, de vraag, het type,",
        "  de waardelabels en de ontbrekende waarden.",
        $"- {CodebookExcel}: hetzelfde codeboek als Excel-werkmap (bladen Variabelen en Waardelabels), voor SPSS of R.",
        $"- {ReadMe}: dit bestand.",
        "");

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
