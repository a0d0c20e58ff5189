using Weerbaar.Bench.Http;
using Weerbaar.Bench.Micro;

namespace Weerbaar.Bench;

/// <summary>
/// <c>http</c>: load test of the real app on 127.0.0.1; <c>scan</c>: the Weerbaarheidsscan's goals over HTTP; <c>saves</c>: respondent saves against a floor server; <c>micro</c>: BenchmarkDotNet benchmarks of pure code;
/// <c>siting</c>: the siting models against greedy; <c>siting-web</c>: a national run through the app; <c>pmed</c>: an OR-Library p-median instance;
/// <c>smaa</c>: SMAA Monte Carlo against its floors; <c>allocation</c>: dividing scarce goods under three policies;
/// <c>programme-planning</c>: the planning pages and schedule API with 300 actions; <c>pdf-cache</c>: the foto PDF cold, warm and against a floor;
/// <c>crisis-kit</c>: one noodsteunpunt pack and the ZIP of 100 packs against the foto PDF.
/// The class is not called Program: that name belongs to Weerbaar.Web (WebApplicationFactory&lt;Program&gt;).
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "";
        var rest = args.Skip(1).ToArray();
        switch (command)
        {
            case "http":
                return await HttpLoadCommand.RunAsync(rest);
            case "scan":
                return await Scan.ScanCommand.RunAsync(rest);
            case "saves":
                return await Saves.SavesCommand.RunAsync(rest);
            case "micro":
                return MicroCommand.Run(rest);
            case "siting":
                return Siting.SitingCommand.Run(rest);
            case "siting-web":
                return await Siting.SitingWebCommand.RunAsync(rest);
            case "pmed":
                return Siting.PMedCommand.Run(rest);
            case "smaa":
                return Decision.SmaaCommand.Run(rest);
            case "allocation":
                return Allocation.AllocationCommand.Run(rest);
            case "programme-planning":
                return await Programme.ProgrammePlanningCommand.RunAsync(rest);
            case "pdf-cache":
                return await Pdf.PdfCacheCommand.RunAsync(rest);
            case "crisis-kit":
                return await CrisisKit.CrisisKitCommand.RunAsync(rest);
            case "telemetry":
                return await Operations.TelemetryLoadCommand.RunAsync(rest);
            default:
                await Console.Error.WriteLineAsync("""
                    Usage:
                      Weerbaar.Bench http [--clients 50] [--seconds 20] [--warmup 5] [--max-requests 200000]
                                          [--baseline-seconds 3] [--scenario NAME]... [--hey] [--hey-seconds 10]
                                          [--alloc-profile] [--name DESCRIPTION] [--out DIR]
                      Weerbaar.Bench scan [--clients 50] [--seconds 20] [--warmup 5] [--baseline-seconds 3] [--max-requests 200000]
                                          [--round-repeats 10] [--import-rows 10000] [--import-repeats 5] [--only save|round|import|results]...
                                          [--postgres] [--alloc-profile] [--name DESCRIPTION] [--out DIR]
                      Weerbaar.Bench saves [--clients 50,200] [--seconds 20] [--warmup 5] [--max-requests 200000] [--only api|form]...
                                           [--postgres] [--floor single|group] [--wrk] [--wrk-seconds 10] [--name DESCRIPTION] [--out DIR]
                      Weerbaar.Bench micro [--name DESCRIPTION] [BenchmarkDotNet arguments, e.g. --filter *Search*]
                      Weerbaar.Bench siting [--gemeente-only | --country-only] [--out DIR]
                      Weerbaar.Bench siting-web [K]...   (national run through the app; default K = 1500)
                      Weerbaar.Bench pmed FILE
                      Weerbaar.Bench smaa [--runs 9] [--out DIR]
                      Weerbaar.Bench allocation [--joint] [--out DIR]
                      Weerbaar.Bench programme-planning [--actions 300] [--requests 200] [--max-seconds 15]
                      Weerbaar.Bench pdf-cache [--clients 10] [--seconds 15]
                      Weerbaar.Bench crisis-kit [--warm 5]
                    See bench/README.md.
                    """);
                return 2;
        }
    }
}
