using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Programme.Tracking;
using Weerbaar.Web.Features.Scenarios;
using static Weerbaar.Web.Tests.ProgrammeTracking.TrackingSeed;

namespace Weerbaar.Web.Tests.ProgrammeTracking;

/// <summary>The pure parts of tracking, each against a hand-worked example with a fixed "today".</summary>
public sealed class TrackingComputationTests
{
    private const string G = "GM0000";
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly IReadOnlyList<CodeName> Pillars = [new("EC", "Eigen continuïteit"), new("CO", "Crisisorganisatie"), new("VV", "Vitale voorzieningen")];

    [Fact]
    public void Deadlines_take_today_and_today_plus_30_as_upcoming_and_leave_closed_actions_out()
    {
        ProgrammeAction[] actions =
        [
            Action(G, 1, "EC", Today.AddDays(-1)),                                  // overdue by one day
            Action(G, 2, "EC", Today),                                              // today: upcoming, not overdue
            Action(G, 3, "CO", Today.AddDays(30)),                                  // last day of the horizon
            Action(G, 4, "CO", Today.AddDays(31)),                                  // just outside
            Action(G, 5, "CO", Today.AddDays(-40), ActionStatus.Done, Today.AddDays(-41)),
            Action(G, 6, "CO", Today.AddDays(-2), ActionStatus.Stopped),
            Action(G, 7, "VV", Today.AddDays(5), ActionStatus.Done, Today),
            Action(G, 8, "VV", Today.AddDays(-100), ActionStatus.Delayed),
            Action(G, 9, "VV", Today.AddDays(200), ActionStatus.NotStarted, null, 0, 0,
                new ActionMilestone("Verlopen", Today.AddDays(-3)), new ActionMilestone("Bereikt", Today.AddDays(-3), Reached: true),
                new ActionMilestone("Binnenkort", Today.AddDays(30)), new ActionMilestone("Later", Today.AddDays(31))),
            Action(G, 10, "VV", Today.AddDays(-200), ActionStatus.Done, Today.AddDays(-150), 0, 0, new ActionMilestone("Van een afgeronde actie", Today)),
        ];
        PartnerAgreement[] agreements = [Agreement(G, "Waterschap", Today.AddDays(-1), 1), Agreement(G, "GGD", Today.AddDays(30)), Agreement(G, "Brandweer", Today.AddDays(31))];

        var o = DeadlineOverview.Compute(actions, agreements, Today);

        Assert.Equal([8, 1], o.Overdue.Select(d => d.Number));
        Assert.Equal([-100, -1], o.Overdue.Select(d => d.Days));
        Assert.Equal([2, 3], o.Upcoming.Select(d => d.Number));
        Assert.Equal([0, 30], o.Upcoming.Select(d => d.Days));
        Assert.Equal(["Verlopen", "Binnenkort"], o.Milestones.Select(m => m.Name));
        Assert.Equal(["Waterschap", "GGD"], o.Agreements.Select(a => a.Partner));
        Assert.Equal((2 + 1 + 1, 2 + 1 + 1), (o.OverdueCount, o.UpcomingCount));
        Assert.Equal("Eigenaar 8 (Team OOV)", o.Overdue[0].Owner);
        Assert.True(DeadlineOverview.Compute([actions[4], actions[3]], [], Today).IsEmpty);
    }

    [Fact]
    public void Progress_per_pillar_counts_by_status_and_weighs_by_money_as_worked_by_hand()
    {
        ProgrammeAction[] actions =
        [
            Action(G, 1, "EC", Today.AddDays(10), ActionStatus.Done, Today, oneOff: 10_000, structural: 0),
            Action(G, 2, "EC", Today.AddDays(-5), ActionStatus.Running, oneOff: 20_000, structural: 10_000),   // overdue
            Action(G, 3, "EC", Today.AddDays(-5), ActionStatus.Stopped, oneOff: 50_000),                       // not counted
            Action(G, 4, "EC", Today.AddDays(20), ActionStatus.NotStarted),
            Action(G, 5, "CO", Today.AddDays(-1), ActionStatus.Delayed),                                        // overdue
            Action(G, 6, "CO", Today, ActionStatus.Done, Today.AddDays(-1)),
        ];
        var rows = PillarProgress.Compute(actions, Pillars, Today);

        Assert.Equal(["EC", "CO", "VV", PillarProgress.TotalCode], rows.Select(r => r.Pillar));
        var ec = rows[0];
        Assert.Equal((4, 1, 1, 1, 1, 0), (ec.Total, ec.ByStatus[ActionStatus.Done], ec.ByStatus[ActionStatus.Running], ec.ByStatus[ActionStatus.Stopped], ec.ByStatus[ActionStatus.NotStarted], ec.ByStatus[ActionStatus.Delayed]));
        // Count: 1 done of 3 not stopped. Money: 10.000 done of 10.000 + 30.000 + 0 = 40.000 (the stopped 50.000 left out).
        Assert.Equal(1 / 3.0, ec.ShareDone!.Value, 12);
        Assert.Equal(0.25, ec.BudgetShareDone!.Value, 12);
        Assert.Equal(1, ec.Overdue);
        var co = rows[1];
        Assert.Equal((2, 0.5, 1), (co.Total, co.ShareDone!.Value, co.Overdue));
        Assert.Null(co.BudgetShareDone);
        var vv = rows[2];
        Assert.Equal((0, (double?)null), (vv.Total, vv.ShareDone));
        var total = rows[3];
        Assert.Equal((6, 2, 2), (total.Total, total.Done, total.Overdue));
        Assert.Equal(2 / 5.0, total.ShareDone!.Value, 12);
    }

    [Fact]
    public void Scan_trend_counts_actions_done_by_each_close_and_says_so_in_one_sentence()
    {
        TrendRoundScores[] rounds =
        [
            new("Scan 2025", new DateOnly(2025, 1, 31), new Dictionary<string, double?> { ["EC"] = 4, ["CO"] = null }),
            new("Scan 2026", new DateOnly(2026, 1, 31), new Dictionary<string, double?> { ["EC"] = 7, ["CO"] = 8 }),
        ];
        ProgrammeAction[] actions =
        [
            Action(G, 1, "EC", Today, ActionStatus.Done, new DateOnly(2025, 1, 31)),   // on the closing day: before round 1
            Action(G, 2, "EC", Today, ActionStatus.Done, new DateOnly(2025, 2, 1)),
            Action(G, 3, "EC", Today, ActionStatus.Done, new DateOnly(2026, 1, 31)),
            Action(G, 4, "EC", Today, ActionStatus.Done, new DateOnly(2026, 2, 1)),    // after both
            Action(G, 5, "EC", Today, ActionStatus.Running),
            Action(G, 6, "CO", Today, ActionStatus.Done, new DateOnly(2025, 5, 1)),
        ];
        var trend = ScanTrend.Compose(rounds, actions, Pillars);

        Assert.True(trend.EnoughRounds);
        var ec = trend.Pillars.Single(p => p.Pillar == "EC");
        Assert.Equal([(4.0, 1), (7.0, 3)], ec.Points.Select(p => (p.Score!.Value, p.CompletedBefore)));
        Assert.Equal("Eigen continuïteit: score van 4,0 naar 7,0 na 2 afgeronde acties (tussen Scan 2025 en Scan 2026).", ec.Sentence);
        var co = trend.Pillars.Single(p => p.Pillar == "CO");
        Assert.Equal([0, 1], co.Points.Select(p => p.CompletedBefore));
        Assert.Contains("minder dan twee rondes een score", co.Sentence, StringComparison.Ordinal);
        var single = ScanTrend.Compose(rounds[..1], actions, Pillars);
        Assert.False(single.EnoughRounds);
        Assert.Contains("minder dan twee rondes ingevuld", single.Pillars[0].Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030-03-04T06:00:00Z", "2030-03-04T06:00:00Z")] // Monday 07:00 CET exactly
    [InlineData("2030-03-04T05:59:59Z", "2030-02-25T06:00:00Z")] // a second before: the week before
    [InlineData("2030-03-10T22:00:00Z", "2030-03-04T06:00:00Z")] // Sunday 23:00 CET
    [InlineData("2030-04-01T05:00:00Z", "2030-04-01T05:00:00Z")] // Monday 07:00 CEST (summer time since 31 March)
    [InlineData("2030-03-31T12:00:00Z", "2030-03-25T06:00:00Z")] // the Sunday the clocks change
    public void The_digest_is_due_from_monday_seven_o_clock_amsterdam_time(string now, string due)
        => Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            ProgrammeDigest.DueMoment(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), DayOfWeek.Monday, new TimeOnly(7, 0)));

    [Fact]
    public void The_digest_names_the_counts_and_links_every_action_without_contacts()
    {
        var o = DeadlineOverview.Compute(
            [Action(G, 1, "EC", Today.AddDays(-3)), Action(G, 2, "EC", Today.AddDays(1)), Action(G, 3, "EC", Today.AddDays(2))],
            [Agreement(G, "Waterschap", Today.AddDays(4), 3)], Today);
        var (subject, body) = ProgrammeDigest.Compose(G, "Testgemeente", o, "https://weerbaar.example");
        Assert.Equal("Weerbaarheidsprogramma Testgemeente: 1 termijn verlopen, 3 komende", subject);
        Assert.Contains("- A-1 Actie 1 van GM0000: termijn 7 maart 2027 (3 dagen geleden), status loopt, eigenaar Eigenaar 1 (Team OOV).", body, StringComparison.Ordinal);
        Assert.Contains("https://weerbaar.example/gemeenten/GM0000/programma/acties/2", body, StringComparison.Ordinal);
        Assert.Contains("(morgen)", body, StringComparison.Ordinal);
        Assert.Contains("Afspraak met Waterschap over Afspraak met Waterschap: herzien 14 maart 2027 (over 4 dagen), bij A-3.", body, StringComparison.Ordinal);
        Assert.Contains("https://weerbaar.example/gemeenten/GM0000/programma/termijnen", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime Contactpersoon", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_update_is_checked_field_by_field_in_dutch()
    {
        static List<FieldError> Errors(StatusUpdateInput input) => [.. StatusUpdateRecorder.Validate(input, Today, out _)];

        Assert.Empty(Errors(new("2027-03-10", ActionStatus.Done, null, "Besluit B&W 2027-12")));
        Assert.Empty(Errors(new("1-3-2027", ActionStatus.Running, null, null)));
        var done = Errors(new("2027-03-11", ActionStatus.Done, null, " "));
        Assert.Equal(["datum", "bewijs"], done.Select(e => e.Field));
        Assert.Contains("in de toekomst", done[0].Message, StringComparison.Ordinal);
        Assert.Contains("bewijs", done[1].Message, StringComparison.Ordinal);
        Assert.Equal(["datum", "status"], Errors(new("31-02-2027", "klaar", null, null)).Select(e => e.Field));
        Assert.Equal(["datum", "status"], Errors(new(null, null, null, null)).Select(e => e.Field));
        Assert.Equal(["toelichting"], Errors(new("2027-03-01", ActionStatus.Stopped, "", null)).Select(e => e.Field));
        Assert.Equal(["toelichting"], Errors(new("2027-03-01", ActionStatus.Delayed, null, null)).Select(e => e.Field));
        Assert.Equal(["bewijs"], Errors(new("2027-03-01", ActionStatus.Running, null, new string('x', ActionStatusUpdate.MaxText + 1))).Select(e => e.Field));
    }

    [Fact]
    public void The_current_status_is_that_of_the_latest_date_and_of_equal_dates_the_last_recorded()
    {
        ActionStatusUpdate U(string date, string status, int minute) => new()
        {
            GemeenteCode = G,
            Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Status = status,
            RecordedBy = "x",
            RecordedAt = new DateTimeOffset(2027, 3, 10, 12, minute, 0, TimeSpan.Zero),
        };
        Assert.Equal(ActionStatus.Done, StatusUpdateRecorder.Current([U("2027-03-01", ActionStatus.Done, 1), U("2027-02-01", ActionStatus.Delayed, 2)])!.Status);
        Assert.Equal(ActionStatus.Delayed, StatusUpdateRecorder.Current([U("2027-03-01", ActionStatus.Done, 1), U("2027-03-01", ActionStatus.Delayed, 2)])!.Status);
        Assert.Null(StatusUpdateRecorder.Current([]));
        Assert.Equal("2027 K1", TrackingText.Quarter(new DateOnly(2027, 3, 31)));
        Assert.Equal("2027 K2", TrackingText.Quarter(new DateOnly(2027, 4, 1)));
        Assert.Equal("2027 K4", TrackingText.Quarter(new DateOnly(2027, 12, 31)));
    }
}
