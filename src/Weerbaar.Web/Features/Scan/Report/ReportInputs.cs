using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.OpenAnswers;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>One submitted response with the gemeente it came from (null when the code is not in the reference data).</summary>
public sealed record ReportResponse(GemeenteInfo? Gemeente, Dictionary<string, string> Answers);

/// <summary>Everything the report is made of; <see cref="ReportComposer"/> turns it into a <see cref="ReportDocument"/> without I/O.</summary>
public sealed record ReportInputs(
    ScanRound Round,
    Instrument Instrument,
    DateOnly Date,
    int Population,
    IReadOnlyList<ReportResponse> Responses,
    IReadOnlyDictionary<string, string> Narratives,
    ComparisonsDto? Stedelijkheid,
    IReadOnlyList<OpenQuestionThemes> OpenAnswers,
    DisclosureSettings Disclosure);
