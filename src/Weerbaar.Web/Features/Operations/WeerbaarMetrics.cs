using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Weerbaar.Web.Features.Operations;

/// <summary>
/// The app's own instruments on the meter "Weerbaar". The names are part of the operations documentation: keep them.
/// One instance per app host (made by <see cref="IMeterFactory"/>), so test hosts in one process do not mix.
/// </summary>
public sealed class WeerbaarMetrics
{
    public const string MeterName = "Weerbaar";

    private readonly Counter<long> _scanSaves;
    private readonly Histogram<double> _scanSaveDuration;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _pdfPrintDuration;
    private readonly Counter<long> _mailSent;
    private readonly Counter<long> _reminderRuns;

    public WeerbaarMetrics(IMeterFactory meters, QueueSnapshot queues)
    {
        var meter = meters.Create(MeterName);
        _scanSaves = meter.CreateCounter<long>("weerbaar.scan.saves", "{save}", "Respondent part saves by outcome (saved, conflict, refused).");
        _scanSaveDuration = meter.CreateHistogram<double>("weerbaar.scan.save.duration", "s", "Time from a part save request to its durable acknowledgement.");
        meter.CreateObservableGauge("weerbaar.jobs.queued", () => queues.QueuedJobs(), "{job}", "Queued background jobs by kind.");
        _jobDuration = meter.CreateHistogram<double>("weerbaar.jobs.duration", "s", "Background job run time by kind and end status.");
        _pdfPrintDuration = meter.CreateHistogram<double>("weerbaar.pdf.print.duration", "s", "Chromium print time of a PDF by document kind.");
        meter.CreateObservableGauge("weerbaar.outbox.backlog", () => queues.OutboxBacklog(), "{message}", "Outbox messages not sent yet.");
        _mailSent = meter.CreateCounter<long>("weerbaar.mail.sent", "{message}", "Outbox messages handed to SMTP or the pickup folder, by outcome.");
        _reminderRuns = meter.CreateCounter<long>("weerbaar.reminders.runs", "{run}", "Runs of the scheduled mail tasks by kind.");
    }

    /// <param name="outcome">saved, conflict or refused.</param>
    public void ScanSave(string outcome, TimeSpan elapsed)
    {
        _scanSaves.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "saved")
        {
            _scanSaveDuration.Record(elapsed.TotalSeconds);
        }
    }

    public void JobRun(string kind, string status, TimeSpan elapsed)
        => _jobDuration.Record(elapsed.TotalSeconds, new("kind", kind), new("status", status));

    public void PdfPrinted(string document, TimeSpan elapsed)
        => _pdfPrintDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("document", document));

    public void MailSent(bool ok) => _mailSent.Add(1, new KeyValuePair<string, object?>("outcome", ok ? "sent" : "failed"));

    /// <param name="kind">scan-reminders, programme-digest or reprint-reminder.</param>
    public void ReminderRun(string kind) => _reminderRuns.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Runs <paramref name="print"/> and records its time under <paramref name="document"/>.</summary>
    public async Task<T> TimePrintAsync<T>(string document, Func<Task<T>> print)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await print();
        PdfPrinted(document, Stopwatch.GetElapsedTime(start));
        return result;
    }
}
