using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Monitoring;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>Responses over time and item non-response, checked against small hand-worked examples.</summary>
public sealed class ResponseProgressMonitorTests
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private static readonly TimeZoneInfo Dutch = Weerbaar.Web.Shared.Format.Amsterdam;

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Timeline_counts_per_Dutch_day_with_running_totals_up_to_today()
    {
        // Round 1–5 March, today 3 March. Winter time: UTC+1, so 23:30 UTC on 1 March is 2 March in the Netherlands.
        var responses = new[]
        {
            new ResponseDates(At("2025-03-01T09:00:00Z"), At("2025-03-01T10:00:00Z")), // started and submitted on 1 March
            new ResponseDates(At("2025-03-01T23:30:00Z"), null),                        // started on 2 March (Dutch), not submitted
            new ResponseDates(At("2025-03-01T12:00:00Z"), At("2025-03-03T08:00:00Z")), // started 1 March, submitted 3 March
        };
        var days = ResponseTimeline.Compute(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 3), responses, Dutch);

        Assert.Equal(
        [
            new TimelineDay(new DateOnly(2025, 3, 1), 2, 1, 2, 1),
            new TimelineDay(new DateOnly(2025, 3, 2), 1, 0, 3, 1),
            new TimelineDay(new DateOnly(2025, 3, 3), 0, 1, 3, 2),
        ], days);
    }

    [Fact]
    public void Timeline_runs_to_closing_and_widens_for_responses_dated_outside_the_period()
    {
        // An import: created (stored) after closing, filled in before opening; it counts as started when filled in.
        var import = new ResponseDates(At("2025-03-10T12:00:00Z"), At("2025-02-27T12:00:00Z"));
        var days = ResponseTimeline.Compute(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2), new DateOnly(2025, 6, 1), [import], Dutch);

        Assert.Equal(new DateOnly(2025, 2, 27), days[0].Day);
        Assert.Equal(new DateOnly(2025, 3, 2), days[^1].Day); // closed: not up to today
        Assert.Equal(4, days.Count);
        Assert.Equal((1, 1), (days[0].Started, days[0].Submitted));
        Assert.All(days, d => Assert.Equal((1, 1), (d.StartedTotal, d.SubmittedTotal)));
    }

    [Fact]
    public void Timeline_of_a_round_that_has_not_opened_yet_is_its_opening_day()
    {
        var days = ResponseTimeline.Compute(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), new DateOnly(2025, 2, 1), [], Dutch);
        Assert.Equal([new TimelineDay(new DateOnly(2025, 3, 1), 0, 0, 0, 0)], days);
    }

    [Fact]
    public void Item_nonresponse_counts_applicable_empty_and_dont_know_and_respects_conditions()
    {
        var submitted = new IReadOnlyDictionary<string, string>[]
        {
            new Dictionary<string, string> { ["B1"] = "4", ["I4"] = "OOV|ANDERS", ["I4_anders"] = "Griffie", ["EC_rank"] = "1" },
            new Dictionary<string, string> { ["B1"] = "WN", ["I4"] = "ANDERS" },             // I4_anders applies and is empty
            new Dictionary<string, string> { ["I4"] = "OOV" },                              // B1 empty; I4_anders does not apply
            new Dictionary<string, string> { ["B1"] = "2", ["B2"] = "WN" },                 // I4 empty, so I4_anders does not apply
        };
        var rows = ItemNonresponse.Compute(Scan, submitted).ToDictionary(r => r.Column);

        Assert.Equal(Scan.ColumnOrder, rows.Keys);
        Assert.Equal(new ItemNonresponseRow("B1", "B1", rows["B1"].Text, 4, 1, 1), rows["B1"]);
        Assert.Equal(0.25, rows["B1"].EmptyRate);
        Assert.Equal((4, 3, 1), (rows["B2"].Applicable, rows["B2"].Empty, rows["B2"].DontKnow));
        Assert.Equal((4, 1, 0), (rows["I4"].Applicable, rows["I4"].Empty, rows["I4"].DontKnow));
        Assert.Equal((2, 1, 0), (rows["I4_anders"].Applicable, rows["I4_anders"].Empty, rows["I4_anders"].DontKnow));
        Assert.Equal(0.5, rows["I4_anders"].EmptyRate);
        // A ranking item is its own column, with the item in the text; a score has no 'weet niet'.
        Assert.Equal((4, 3), (rows["EC_rank"].Applicable, rows["EC_rank"].Empty));
        Assert.Equal("RANG", rows["EC_rank"].QuestionId);
        Assert.Contains("–", rows["EC_rank"].Text, StringComparison.Ordinal);
        Assert.Equal((4, 4, 0), (rows["O1"].Applicable, rows["O1"].Empty, rows["O1"].DontKnow));
    }

    [Fact]
    public void Item_nonresponse_of_no_responses_has_no_rate()
    {
        var row = ItemNonresponse.Compute(Scan, [])[0];
        Assert.Equal((0, 0, 0), (row.Applicable, row.Empty, row.DontKnow));
        Assert.Null(row.EmptyRate);
    }

    [Fact]
    public void Completeness_counts_fully_answered_submissions_and_partial_ones()
    {
        var full = Scan.ColumnOrder.Where(c => c != "I4_anders").ToDictionary(c => c, c => c == "I4" ? "OOV" : "1");
        var withAnders = new Dictionary<string, string>(full) { ["I4"] = "ANDERS" }; // I4_anders now applies and is empty
        var completeness = ItemNonresponse.CompletenessOf(Scan, [full, withAnders, new Dictionary<string, string>()], inProgress: 2);
        Assert.Equal(new Completeness(3, 2, 1), completeness);
        Assert.Equal(2, completeness.SubmittedWithGaps);
    }
}
