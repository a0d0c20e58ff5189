using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Fieldwork;

public static class ImportErrors
{
    /// <summary>"Rij 4, kolom email: …" as a spreadsheet user reads it (the header is row 1).</summary>
    public static string Describe(CsvError e) => (e.Row, e.Column) switch
    {
        (0, _) => e.Message,
        (_, "") => $"Rij {e.Row}: {e.Message}",
        _ => $"Rij {e.Row}, kolom {e.Column}: {e.Message}",
    };
}
