using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Features.Scan.Mail;
using Weerbaar.Web.Features.Scan.Monitoring;
using Weerbaar.Web.Features.Scan.OpenAnswers;
using Weerbaar.Web.Features.Scan.Report.Exports;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan;

public static class ScanSetup
{
    public static IServiceCollection AddScan(this IServiceCollection services)
    {
        // Loaded (and checked) when the app starts: a broken instrument file stops start-up with every problem listed.
        services.AddSingleton<InstrumentCatalog>();
        services.AddScoped<ResponseImporter>();
        services.AddScoped<InvitationSender>();
        services.AddScoped<InvitationQueries>();
        services.AddScoped<ContactsService>();
        services.AddScoped<ReminderScheduler>();
        services.AddHostedService<ReminderWorker>();
        services.AddScoped<ScanMailer>();
        services.AddScoped<MailTemplateStore>();
        services.AddScoped<RoundCreator>();
        services.AddScoped<RoundLifecycle>();
        services.AddScoped<RoundResults>();
        services.AddScoped<RoundComparisons>();
        services.AddScoped<ScanPositionService>();
        services.AddScoped<Report.RoundReport>();
        services.AddScoped<Report.ReportNarrativeStore>();
        services.AddScoped<Report.Exports.ReportDataPackage>();
        services.AddSingleton<ChromiumHost>().AddSingleton<ReportPrintCss>().AddScoped<ReportPdf>().AddSingleton<SvgPicture>();
        services.AddSingleton<PdfCache>().AddScoped<PdfDownloads>().AddScoped<DataFingerprint>();
        services.AddScoped<RespondentService>();
        services.AddSingleton<RespondentTokens>();
        services.AddSingleton<ResponseWriter>().AddHostedService(sp => sp.GetRequiredService<ResponseWriter>());
        services.AddSingleton(_ => new Weerbaar.Analysis.OpenAnswers.ThemeSuggester());
        services.AddScoped<OpenAnswerCoder>();
        services.AddScoped<OpenAnswerAgreement>();
        services.AddScoped<OpenAnswerThemes>();
        services.AddSingleton<QuoteScrubber>();
        return services;
    }

    public static IEndpointRouteBuilder MapScan(this IEndpointRouteBuilder app)
    {
        app.MapInstrumentsEndpoints();
        app.MapRoundsEndpoints();
        app.MapResponseFileEndpoints();
        app.MapInvitationsEndpoints();
        app.MapRespondentEndpoints();
        app.MapMailTemplatesEndpoints();
        app.MapMonitoringEndpoints();
        app.MapOwnResponsesEndpoints();
        app.MapResultsEndpoints();
        app.MapScanPositionEndpoints();
        app.MapOpenAnswersEndpoints();
        app.MapReportExportEndpoints();
        app.MapReportPdfEndpoints();
        return app;
    }
}
